using Dvc.Core.Errors;
using Dvc.Core.Overrides;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Overrides;

/// <summary>
/// Replays the <c>exp run -S</c> steps of fixture 07: our surgical edit must load to the same values
/// as DVC's rewrite, while every untouched line stays byte-identical.
/// </summary>
[TestClass]
public sealed class ParamsFileEditorFixtureTests
{
    private const string Case = "07-exp-run";

    [TestMethod]
    [DataRow("input/params.yaml", "train.lr=0.1", "step-06-exp-run-lr-01", "params.yaml", "lr")]
    [DataRow("expected/step-06-exp-run-lr-01/workspace/params.yaml", "train.lr=0.2", "step-07-exp-run-lr-0.2-random-name", "params.yaml", "lr")]
    [DataRow("expected/step-07-exp-run-lr-0.2-random-name/workspace/params.yaml", "train.lr=0.1", "step-08-exp-run-again-run-cache", "params.yaml", "lr")]
    [DataRow("expected/step-08-exp-run-again-run-cache/workspace/params.yaml", "+train.new_key=5", "step-09-exp-run-add-key", "params.yaml", "new_key")]
    [DataRow("expected/step-09-exp-run-add-key/workspace/params.yaml", "~train.drop_me", "step-10-exp-run-del-key", "params.yaml", "drop_me")]
    [DataRow("input/config/custom.yaml", "config/custom.yaml:a.b=3", "step-11-exp-run-custom-file", "config/custom.yaml", "b")]
    [DataRow("input/params.yaml", "train.epochs=4", "step-24-exp-run-pristine-epochs", "params.yaml", "epochs")]
    public void Matches_dvc_values_and_keeps_other_lines(string before, string set, string step, string file, string changedKey)
    {
        var original = Fixtures.ReadText(Case, before);
        var overrides = OverrideParser.Parse(set);

        var edited = ParamsFileEditor.Apply(original, file, overrides);

        var expected = PyValueLoader.LoadYaml(Fixtures.ReadText(Case, $"expected/{step}/workspace/{file}"));
        var actual = PyValueLoader.LoadYaml(edited);
        Assert.IsTrue(PyEquality.AreEqual(expected, actual), $"DVC: {PyValueText.Str(expected)}\nours: {PyValueText.Str(actual)}");
        AssertOtherLinesKept(original, edited, changedKey);
    }

    [TestMethod]
    public void Step_06_changes_only_the_lr_text_and_keeps_the_comment_column()
    {
        var original = Fixtures.ReadText(Case, "input/params.yaml");

        var edited = ParamsFileEditor.Apply(original, "params.yaml", OverrideParser.Parse("train.lr=0.1"));

        Assert.AreEqual(original.Replace("  lr: 1e-3       # learning", "  lr: 0.1        # learning", StringComparison.Ordinal), edited);
    }

    [TestMethod]
    public void Step_09_appends_the_new_key_where_dvc_does()
    {
        var original = Fixtures.ReadText(Case, "expected/step-08-exp-run-again-run-cache/workspace/params.yaml");

        var edited = ParamsFileEditor.Apply(original, "params.yaml", OverrideParser.Parse("+train.new_key=5"));

        Assert.AreEqual(original.Replace("  verbose: true\n", "  verbose: true\n  new_key: 5\n", StringComparison.Ordinal), edited);
    }

    [TestMethod]
    public void Step_11_keeps_the_quotes_dvc_drops()
    {
        var original = Fixtures.ReadText(Case, "input/config/custom.yaml");

        var edited = ParamsFileEditor.Apply(original, "config/custom.yaml", OverrideParser.Parse("config/custom.yaml:a.b=3"));

        Assert.AreEqual("# custom params file\na:\n  b: 3    # a.b is tracked by the train stage\n  c: \"keep-quoted\"\n", edited);
    }

    [TestMethod]
    [DataRow("train.nope=1", "step-78-exp-run-missing-key", DvcErrorCode.OverrideKeyMissing)]
    [DataRow("+train.lr=5", "step-80-exp-run-add-existing-key", DvcErrorCode.OverrideKeyExists)]
    [DataRow("~train.nope", "step-82-exp-run-delete-missing-key", DvcErrorCode.OverrideDeleteMissing)]
    public void Errors_match_dvc(string set, string step, string code)
    {
        var original = Fixtures.ReadText("06-errors", "input/params.yaml");

        var e = Assert.ThrowsExactly<DvcException>(() => ParamsFileEditor.Apply(original, "params.yaml", OverrideParser.Parse(set)));

        Assert.AreEqual(code, e.Code);
        Assert.AreEqual(Fixtures.ReadText("06-errors", $"expected/{step}/stdout.txt"), "ERROR: " + e.Message + "\n");
    }

    [TestMethod]
    public void A_missing_file_reads_as_empty_like_dvc()
    {
        var e = Assert.ThrowsExactly<DvcException>(() => ParamsFileEditor.Apply("", "nofile.yaml", OverrideParser.Parse("nofile.yaml:a=1")));

        Assert.AreEqual(DvcErrorCode.OverrideKeyMissing, e.Code);
        Assert.AreEqual(Fixtures.ReadText("06-errors", "expected/step-84-exp-run-missing-file/stdout.txt"), "ERROR: " + e.Message + "\n");
    }

    /// <summary>Lines without the changed key appear in the output unchanged and in the same order; any other output line names the key.</summary>
    internal static void AssertOtherLinesKept(string original, string edited, string changedKey)
    {
        var kept = original.Split('\n').Where(l => !l.Contains(changedKey, StringComparison.Ordinal)).ToList();
        var output = edited.Split('\n');
        var next = 0;
        foreach (var line in output)
        {
            if (next < kept.Count && line == kept[next])
            {
                next++;
            }
            else
            {
                StringAssert.Contains(line, changedKey, $"unexpected line in output:\n{edited}");
            }
        }

        Assert.AreEqual(kept.Count, next, $"lost a line of the original:\n{edited}");
    }
}
