using System.Text.Json;
using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Reporting;

/// <summary>
/// The experiment data DVC itself printed with <c>exp show --json</c> in case 07, turned back into
/// rows, so report tests feed exactly the data behind each captured output. Experiment commit times
/// were normalised to &lt;TIME&gt;; they are given <see cref="ExperimentTime"/> (today for the clock).
/// </summary>
internal static class ExpShowFixture
{
    public const string Case = "07-exp-run";

    public static readonly DateTimeOffset ExperimentTime = new(2026, 3, 5, 9, 51, 0, TimeSpan.Zero);

    public static readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.Zero));

    public static IReadOnlyList<ExperimentRow> Rows(string step) =>
        JsonDocument.Parse(Fixtures.ReadText(Case, $"expected/{step}/exp-show.json")).RootElement.EnumerateArray().Select(ToRow).ToList();

    public static RevisionData Revision(string step, string displayOrExperimentName) =>
        Rows(step).SelectMany(r => new[] { r }.Concat(r.Experiments)).Select(r => r.Data)
            .Single(d => d.ExperimentName == displayOrExperimentName || (d.ExperimentName is null && d.DisplayName == displayOrExperimentName));

    private static ExperimentRow ToRow(JsonElement state)
    {
        var data = ToRevision(state, experimentName: null);
        if (data.IsWorkspace)
        {
            return ExperimentRow.Workspace(data);
        }

        var experiments = state.GetProperty("experiments").ValueKind == JsonValueKind.Null
            ? []
            : state.GetProperty("experiments").EnumerateArray()
                .Select(e => ExperimentRow.Experiment(ToRevision(e.GetProperty("revs")[0], e.GetProperty("name").GetString())))
                .ToList();
        return ExperimentRow.Baseline(data with { BranchName = state.GetProperty("name").GetString() }, experiments);
    }

    private static RevisionData ToRevision(JsonElement state, string? experimentName)
    {
        var data = state.GetProperty("data");
        var timestamp = data.GetProperty("timestamp").GetString();
        return new RevisionData
        {
            Rev = data.GetProperty("rev").GetString()!,
            ExperimentName = experimentName,
            Timestamp = timestamp switch
            {
                null => null,
                "<TIME>" => ExperimentTime,
                _ => new DateTimeOffset(DateTime.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero),
            },
            Params = Files(data.GetProperty("params")),
            Metrics = Files(data.GetProperty("metrics")),
            Deps = data.GetProperty("deps").EnumerateObject()
                .Select(d => new DependencyEntry(d.Name, d.Value.GetProperty("hash").GetString(), Long(d.Value, "size"), Long(d.Value, "nfiles")))
                .ToList(),
            Outs = data.GetProperty("outs").EnumerateObject()
                .Select(o => new OutputEntry(
                    o.Name, o.Value.GetProperty("hash").GetString(), Long(o.Value, "size"), Long(o.Value, "nfiles"),
                    o.Value.GetProperty("use_cache").GetBoolean(), o.Value.GetProperty("is_data_source").GetBoolean()))
                .ToList(),
        };
    }

    private static List<FileValues> Files(JsonElement files) =>
        files.EnumerateObject().Select(f => new FileValues(f.Name, (PyDict)ToPython(f.Value.GetProperty("data"))!)).ToList();

    private static long? Long(JsonElement parent, string name) =>
        parent.GetProperty(name).ValueKind == JsonValueKind.Null ? null : parent.GetProperty(name).GetInt64();

    public static object? ToPython(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new PyDict(), (dict, p) =>
        {
            dict[p.Name] = ToPython(p.Value);
            return dict;
        }),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPython).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) && !element.GetRawText().Contains('.') && !element.GetRawText().Contains('e')
            ? (object)l
            : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
