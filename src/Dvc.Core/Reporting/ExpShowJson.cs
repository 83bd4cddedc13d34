using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// <c>exp show --json</c>: a list of DVC's <c>ExpState</c> (dataclass as dict): workspace and
/// baselines with <c>{rev, name, data, error, experiments}</c>, each experiment wrapped in
/// <c>{revs: [ExpState], executor, name}</c>.
/// </summary>
internal static class ExpShowJson
{
    public static List<object?> Build(IReadOnlyList<ExperimentRow> rows, TimeProvider clock) =>
        rows.Where(r => r.Kind != ExperimentRowKind.Experiment).Select(r => (object?)State(r, clock)).ToList();

    private static PyDict State(ExperimentRow row, TimeProvider clock)
    {
        var name = row.Kind switch
        {
            ExperimentRowKind.Workspace => null,
            ExperimentRowKind.Baseline => row.Data.BranchName,
            _ => row.Data.ExperimentName,
        };
        var experiments = row.Experiments.Count == 0
            ? null
            : row.Experiments.Select(e => (object?)new PyDict
            {
                ["revs"] = new List<object?> { State(e, clock) },
                ["executor"] = Executor(e),
                ["name"] = e.Data.ExperimentName,
            }).ToList();
        return new PyDict
        {
            ["rev"] = row.Data.Rev,
            ["name"] = name,
            ["data"] = Data(row.Data, clock),
            // DVC's collect_failed_data sets this on a failed queue entry.
            ["error"] = row.State == "Failed" ? new PyDict { ["msg"] = "Experiment run failed", ["type"] = "" } : null,
            ["experiments"] = experiments,
        };
    }

    /// <summary>DVC's <c>ExpExecutor</c>: lower-case state, the executor's name (none for a failed run)
    /// and, for the queue's entries, its <c>LocalExpExecutor</c> (no worker process: no pid or return code).</summary>
    private static PyDict? Executor(ExperimentRow row) => row.State is null ? null : new PyDict
    {
        ["state"] = row.State.ToLowerInvariant(),
        ["name"] = row.Executor,
        ["local"] = row.TaskId is null ? null : new PyDict
        {
            ["root"] = null,
            ["log"] = row.LogPath,
            ["pid"] = null,
            ["returncode"] = null,
            ["task_id"] = row.TaskId,
        },
    };

    public static PyDict Data(RevisionData data, TimeProvider clock) => new()
    {
        ["rev"] = data.Rev,
        ["timestamp"] = data.Timestamp is { } ts ? ExpShowTime.Iso(ts, clock) : null,
        ["params"] = Files(data.Params),
        ["metrics"] = Files(data.Metrics),
        ["deps"] = ToDict(data.Deps, d => d.Path, d => new PyDict { ["hash"] = d.Hash, ["size"] = d.Size, ["nfiles"] = d.FileCount }),
        ["outs"] = ToDict(data.Outs, o => o.Path, o => new PyDict
        {
            ["hash"] = o.Hash,
            ["size"] = o.Size,
            ["nfiles"] = o.FileCount,
            ["use_cache"] = o.UseCache,
            ["is_data_source"] = o.IsDataSource,
        }),
        ["meta"] = new PyDict(),
    };

    /// <summary>The <c>{path: {"data": ...}}</c> or <c>{path: {"error": ...}}</c> map DVC uses for params and metrics.</summary>
    public static PyDict Files(IEnumerable<FileValues> files) => ToDict(files, f => f.Path, f => f.HasError
        ? new PyDict { ["error"] = new PyDict { ["type"] = f.ErrorType, ["msg"] = f.ErrorMessage } }
        : new PyDict { ["data"] = f.Data });

    private static PyDict ToDict<T>(IEnumerable<T> items, Func<T, string> key, Func<T, object?> value)
    {
        var dict = new PyDict();
        foreach (var item in items)
        {
            dict[key(item)] = value(item);
        }

        return dict;
    }
}
