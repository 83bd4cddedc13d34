namespace Dvc.Core.Reporting;

/// <summary>
/// Which metric, param and dependency columns <c>exp show</c> has: every flattened key seen in any
/// row, per file in first-seen order; a key name is prefixed with <c>file:</c> when it occurs in
/// more than one file or equals a fixed header. Dependencies are sorted by path.
/// </summary>
internal sealed class ExpShowColumns
{
    internal static readonly string[] FixedHeaders = ["Experiment", "rev", "typ", "Created", "parent", "State", "Executor"];

    private ExpShowColumns(IReadOnlyList<ValueColumn> metrics, IReadOnlyList<ValueColumn> @params, IReadOnlyList<string> deps)
    {
        Metrics = metrics;
        Params = @params;
        Deps = deps;
    }

    public IReadOnlyList<ValueColumn> Metrics { get; }

    public IReadOnlyList<ValueColumn> Params { get; }

    public IReadOnlyList<string> Deps { get; }

    public static ExpShowColumns Collect(IEnumerable<RevisionData> revisions)
    {
        var all = revisions.ToList();
        var metricNames = NamesPerFile(all.SelectMany(r => r.Metrics));
        var paramNames = NamesPerFile(all.SelectMany(r => r.Params));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in FixedHeaders.Concat(metricNames.Concat(paramNames).SelectMany(f => f.Value)))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var deps = all.SelectMany(r => r.Deps).Select(d => d.Path).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ExpShowColumns(ToColumns(metricNames, counts), ToColumns(paramNames, counts), deps);
    }

    private static List<KeyValuePair<string, List<string>>> NamesPerFile(IEnumerable<FileValues> files)
    {
        var result = new List<KeyValuePair<string, List<string>>>();
        foreach (var file in files)
        {
            var entry = result.FirstOrDefault(e => e.Key == file.Path);
            if (entry.Value is null)
            {
                entry = new(file.Path, []);
                result.Add(entry);
            }

            entry.Value.AddRange(file.Flattened.Keys.Where(k => !entry.Value.Contains(k)));
        }

        return result;
    }

    private static List<ValueColumn> ToColumns(List<KeyValuePair<string, List<string>>> names, Dictionary<string, int> counts) =>
        names.SelectMany(f => f.Value.Select(key => new ValueColumn(f.Key, key, counts[key] == 1 ? key : f.Key + ":" + key))).ToList();
}
