using Dvc.Core.Pipeline;

namespace Dvc.Core.Tests.Graph;

/// <summary>StageDefinitions written out by hand from the fixtures' dvc.yaml files.</summary>
internal static class TestStages
{
    public static StageDefinition Stage(
        string name,
        string[]? deps = null,
        string[]? outs = null,
        string file = "dvc.yaml",
        bool frozen = false,
        StageKind kind = StageKind.Pipeline) =>
        new()
        {
            Name = name,
            DvcFile = file,
            Kind = kind,
            Cmd = kind == StageKind.DataSource ? null : "true",
            Deps = (deps ?? Array.Empty<string>()).Select(d => new DepSpec(d)).ToArray(),
            Outs = (outs ?? Array.Empty<string>()).Select(o => new OutSpec(o)).ToArray(),
            Frozen = frozen,
        };

    /// <summary>09-dag-output/input/dvc.yaml: a diamond source → left/right → join → report, plus lonely.</summary>
    public static StageDefinition[] Diamond() => new[]
    {
        Stage("source", new[] { "raw.txt" }, new[] { "source.txt" }),
        Stage("left", new[] { "source.txt" }, new[] { "left.txt" }),
        Stage("right", new[] { "source.txt" }, new[] { "right.txt" }),
        Stage("join", new[] { "left.txt", "right.txt" }, new[] { "joined.txt" }),
        Stage("report", new[] { "joined.txt" }, new[] { "report.txt" }),
        Stage("lonely", outs: new[] { "lonely.txt" }),
    };

    /// <summary>02-basic-pipeline/input/dvc.yaml (metrics and plots are outs too).</summary>
    public static StageDefinition[] Basic() => new[]
    {
        Stage("prepare", new[] { "src/prepare.py", "data/raw.csv" }, new[] { "data/prepared" }),
        Stage("train", new[] { "src/train.py", "data/prepared" }, new[] { "model/model.json" }),
        Stage(
            "evaluate",
            new[] { "src/evaluate.py", "model/model.json", "data/prepared/test.csv" },
            new[] { "metrics.json", "plots/curve.csv" }),
    };

    public static StageDefinition Named(this IEnumerable<StageDefinition> stages, string name) =>
        stages.Single(s => s.Name == name);

    public static string[] Names(this IEnumerable<StageDefinition> stages) => stages.Select(s => s.Name).ToArray();

    /// <summary>The stage names of "Running stage 'x':" lines in a captured repro output, in order.</summary>
    public static string[] RunningStages(string caseName, string step) =>
        Fixtures.ReadText(caseName, $"expected/{step}/stdout.txt")
            .Split('\n')
            .Where(l => l.StartsWith("Running stage '", StringComparison.Ordinal))
            .Select(l => l["Running stage '".Length..l.LastIndexOf('\'')])
            .ToArray();

    /// <summary>The message of a captured "ERROR: ..." output, without the prefix and final newline.</summary>
    public static string ErrorMessage(string step) =>
        Fixtures.ReadText("06-errors", $"expected/{step}/stdout.txt")["ERROR: ".Length..].TrimEnd('\n');
}
