namespace Dvc.Core.Reporting;

/// <summary>
/// <c>--only-changed</c>, <c>--drop</c> and <c>--keep</c> (commands/experiments/show.py): OnlyChanged
/// drops the metric, param and dep columns whose cells are all equal; Drop drops the columns whose
/// header matches; Keep protects the columns it matches from both. The Experiment column stays.
/// </summary>
internal static class ExpShowColumnFilter
{
    private static readonly string[] Internal = ["Experiment", "rev", "typ", "parent"];

    public static void Apply(ExpShowTable table, ExpShowColumns columns, ExpShowOptions options)
    {
        var valueColumns = columns.Metrics.Select(c => c.Header).Concat(columns.Params.Select(c => c.Header)).Concat(columns.Deps).ToHashSet(StringComparer.Ordinal);
        var drop = new List<string>();
        foreach (var header in table.Headers)
        {
            if (Internal.Contains(header) || (options.Keep?.IsMatch(header) ?? false))
            {
                continue;
            }

            var unchanged = options.OnlyChanged && valueColumns.Contains(header) && table.Column(header).Distinct(StringComparer.Ordinal).Count() <= 1;
            if (unchanged || (options.Drop?.IsMatch(header) ?? false))
            {
                drop.Add(header);
            }
        }

        foreach (var header in drop)
        {
            table.Drop(header);
        }
    }
}
