using System.Text;
using Dvc.Core.Values;

namespace Dvc.Core.Status;

/// <summary>Formats statuses exactly like <c>dvc status</c> (labels padded to 20 columns, tab-indented).</summary>
internal static class StatusText
{
    public const string UpToDate = "Data and pipelines are up to date.";

    public static string Format(string addressing, StageStatus status)
    {
        var text = new StringBuilder();
        text.Append(addressing).Append(":\n");
        if (status.Deps.Count > 0 || status.Params.Count > 0)
        {
            text.Append("\tchanged deps:\n");
            foreach (var dep in status.Deps)
            {
                text.Append("\t\t").Append(Label(dep.Change)).Append(dep.Path).Append('\n');
            }

            foreach (var file in status.Params.GroupBy(p => p.File))
            {
                if (file.Any(p => p.Key is null))
                {
                    text.Append("\t\t").Append(Label(file.First(p => p.Key is null).Change)).Append(file.Key).Append('\n');
                    continue;
                }

                text.Append("\t\t").Append(file.Key).Append(":\n");
                foreach (var param in file)
                {
                    text.Append("\t\t\t").Append(Label(param.Change)).Append(param.Key).Append('\n');
                }
            }
        }

        if (status.Outs.Count > 0)
        {
            text.Append("\tchanged outs:\n");
            foreach (var output in status.Outs)
            {
                text.Append("\t\t").Append(Label(output.Change)).Append(output.Path).Append('\n');
            }
        }

        if (status.AlwaysChanged)
        {
            text.Append("\talways changed\n");
        }

        if (status.CommandChanged)
        {
            text.Append("\tchanged command\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// A changed stage's value in <c>dvc status --json</c> (Stage.status): a list of
    /// <c>{"changed deps": {path: word, params file: {key: word}}}</c>, <c>{"changed outs": …}</c>,
    /// <c>"always changed"</c> and <c>"changed command"</c>, each only when it applies, in that order.
    /// </summary>
    public static List<object?> ToJson(StageStatus status)
    {
        var items = new List<object?>();
        var deps = new PyDict();
        foreach (var dep in status.Deps)
        {
            deps[dep.Path] = Word(dep.Change);
        }

        foreach (var file in status.Params.GroupBy(p => p.File))
        {
            if (file.FirstOrDefault(p => p.Key is null) is { } whole)
            {
                deps[file.Key] = Word(whole.Change);
                continue;
            }

            var keys = new PyDict();
            foreach (var param in file)
            {
                keys[param.Key!] = Word(param.Change);
            }

            deps[file.Key] = keys;
        }

        if (deps.Count > 0)
        {
            items.Add(new PyDict { ["changed deps"] = deps });
        }

        var outs = new PyDict();
        foreach (var output in status.Outs)
        {
            outs[output.Path] = Word(output.Change);
        }

        if (outs.Count > 0)
        {
            items.Add(new PyDict { ["changed outs"] = outs });
        }

        if (status.AlwaysChanged)
        {
            items.Add("always changed");
        }

        if (status.CommandChanged)
        {
            items.Add("changed command");
        }

        return items;
    }

    /// <summary>One line per reason, with old → new values: what DVC's status cannot tell (DVC issue #8342).</summary>
    public static IEnumerable<string> Explain(StageStatus status)
    {
        if (status.NoLockEntry)
        {
            yield return "no dvc.lock entry yet";
        }

        if (status.CommandChanged)
        {
            yield return "command changed";
        }

        if (status.AlwaysChanged)
        {
            yield return "always changed";
        }

        foreach (var dep in status.Deps)
        {
            yield return $"dep '{dep.Path}' {Word(dep.Change)}{Arrow(dep.OldHash, dep.NewHash)}";
        }

        foreach (var p in status.Params)
        {
            yield return p.Key is null
                ? $"params file '{p.File}' {Word(p.Change)}"
                : $"param '{p.Key}' in '{p.File}' {Word(p.Change)}{Arrow(Show(p.OldValue), Show(p.NewValue), p.Change)}";
        }

        foreach (var output in status.Outs)
        {
            yield return $"out '{output.Path}' {Word(output.Change)}{Arrow(output.OldHash, output.NewHash)}";
        }
    }

    /// <summary>What Repro would do with the stage, as one phrase for both Status and the dry run.</summary>
    public static string Verdict(StagePrediction prediction) => prediction.Outcome switch
    {
        PredictedOutcome.Skip => "would be skipped",
        PredictedOutcome.VerifyDataSource => "would be verified as a data source",
        PredictedOutcome.CheckOutFromCache => "would check out outputs from the cache",
        PredictedOutcome.RestoreFromRunCache => $"would be restored from the run-cache ({prediction.RunCacheEntry})",
        _ => "would run",
    };

    private static string Label(ItemChange change) => (Word(change) + ":").PadRight(20);

    private static string Word(ItemChange change) => change switch
    {
        ItemChange.Modified => "modified",
        ItemChange.Deleted => "deleted",
        ItemChange.New => "new",
        ItemChange.NotInCache => "not in cache",
        _ => change.ToString(),
    };

    private static string Arrow(string? oldValue, string? newValue, ItemChange change = ItemChange.Modified) =>
        change == ItemChange.Modified && (oldValue is not null || newValue is not null) ? $": {oldValue ?? "-"} -> {newValue ?? "-"}" : "";

    private static string? Show(object? value) => value switch
    {
        null => "None",
        double d => PyFloat.Repr(d),
        bool b => b ? "True" : "False",
        string s => s,
        _ => PyJson.Dumps(value),
    };
}
