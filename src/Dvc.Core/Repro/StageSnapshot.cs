using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Repro;

/// <summary>
/// Captures a stage's current state as the dvc.lock entry DVC would write after running it:
/// hashes of deps and outs, tracked params values, the resolved command.
/// </summary>
internal static class StageSnapshot
{
    public static LockEntry Capture(PipelineContext context, StageDefinition stage, LockEntry? previous) =>
        Capture(context, stage, previous, stage.Outs.Select(o => HashItem(context, stage, o.Path, o.Location, previous?.Outs, isOutput: true)).ToList());

    /// <summary>What goes into a run-cache key before the command runs: current deps and params,
    /// and only the paths of the outputs.</summary>
    public static LockEntry CaptureInputs(PipelineContext context, StageDefinition stage, LockEntry? previous) =>
        Capture(context, stage, previous, stage.Outs.Select(o => new LockItem { Path = o.Path }).ToList());

    private static LockEntry Capture(PipelineContext context, StageDefinition stage, LockEntry? previous, List<LockItem> outs)
    {
        var deps = stage.Deps.Select(d => HashItem(context, stage, d.Path, d.Location, previous?.Deps, isOutput: false)).ToList();
        var parameters = new List<KeyValuePair<string, PyDict>>();
        foreach (var values in context.Workspace.ReadParams(stage))
        {
            if (values.Problem(stage) is { } problem)
            {
                throw problem;
            }

            parameters.Add(new(values.File, values.Values));
        }

        // A data source has no command; its entry only carries outs.
        var cmd = stage.Cmd switch
        {
            null => "",
            string s => s,
            _ => (object)((IReadOnlyList<string>)stage.Cmd).Cast<object?>().ToList(),
        };
        return LockEntryBuilder.Create(cmd, deps, parameters, outs);
    }

    /// <summary>
    /// A DVC 2.x item (no <c>hash: md5</c>) keeps its md5-dos2unix value while its content is
    /// unchanged; only a real change upgrades it to plain md5, exactly as DVC 3 does.
    /// </summary>
    private static LockItem HashItem(
        PipelineContext context,
        StageDefinition stage,
        string path,
        SourceLocation? location,
        IReadOnlyList<LockItem>? previousItems,
        bool isOutput)
    {
        var repoPath = stage.PathFromRoot(path);
        var previous = previousItems?.FirstOrDefault(i => i.Path == path);
        if (previous is { Legacy: true })
        {
            var legacy = context.Workspace.Hash(repoPath, legacy: true);
            if (legacy is not null && legacy.Md5 == previous.Md5)
            {
                return ToItem(path, legacy, legacy: true);
            }
        }

        var hash = context.Workspace.Hash(repoPath, legacy: false) ?? throw Missing(stage, path, location, isOutput);
        return ToItem(path, hash, legacy: false);
    }

    private static LockItem ToItem(string path, HashInfo hash, bool legacy) => new()
    {
        Path = path,
        Legacy = legacy,
        Md5 = hash.Md5,
        Size = hash.Size,
        NFiles = hash.NFiles,
        IsExec = hash.IsExec,
    };

    private static DvcException Missing(StageDefinition stage, string path, SourceLocation? location, bool isOutput) =>
        isOutput
            ? new DvcException(DvcErrorCode.OutputNotCreated, $"failed to reproduce '{stage.Addressing}': output '{path}' does not exist", location)
            : new DvcException(DvcErrorCode.MissingDependency, $"failed to reproduce '{stage.Addressing}': dependency '{path}' does not exist", location);
}
