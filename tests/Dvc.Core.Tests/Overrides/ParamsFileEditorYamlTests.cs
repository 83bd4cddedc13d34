using Dvc.Core.Errors;
using Dvc.Core.Overrides;

namespace Dvc.Core.Tests.Overrides;

/// <summary>Exact-text expectations: one override changes one value's text and nothing else.</summary>
[TestClass]
public sealed class ParamsFileEditorYamlTests
{
    private const string Original =
        "# header comment\n" +
        "lr: 1e-3        # learning rate\n" +
        "name: \"baseline\"  # double-quoted\n" +
        "tag: 'x'\n" +
        "flag: True\n" +
        "count: 007\n" +
        "flow: [1, 2, 3]   # flow list\n" +
        "fmap: {a: 1, b: 2}\n" +
        "seq:\n" +
        "    - a\n" +
        "    - b\n" +
        "\n" +
        "# nested section\n" +
        "train:\n" +
        "  epochs: 10\n" +
        "  opt:\n" +
        "    name: adam  # optimizer\n" +
        "    betas: [0.9, 0.999]\n" +
        "  empty:\n" +
        "evaluate:\n" +
        "  threshold: 0.5\n";

    [TestMethod]
    [DataRow("lr=2e-3", "lr: 1e-3        # learning rate", "lr: 2e-3        # learning rate")]
    [DataRow("lr=0.0001", "lr: 1e-3        # learning rate", "lr: 0.0001      # learning rate")]
    [DataRow("lr=1e-3", "lr: 1e-3        # learning rate", "lr: 1e-3        # learning rate")]
    [DataRow("lr=inf", "lr: 1e-3        # learning rate", "lr: .inf        # learning rate")]
    [DataRow("lr=a_much_longer_value_than_room", "lr: 1e-3        # learning rate", "lr: a_much_longer_value_than_room # learning rate")]
    [DataRow("name=big model", "name: \"baseline\"  # double-quoted", "name: \"big model\" # double-quoted")]
    [DataRow("tag=\"it's\"", "tag: 'x'", "tag: 'it''s'")]
    [DataRow("tag=5", "tag: 'x'", "tag: 5")]
    [DataRow("flag=false", "flag: True", "flag: false")]
    [DataRow("count=yes", "count: 007", "count: yes")]
    [DataRow("count=true_story", "count: 007", "count: true_story")]
    [DataRow("count='true'", "count: 007", "count: 'true'")]
    [DataRow("count='12'", "count: 007", "count: '12'")]
    [DataRow("count=null", "count: 007", "count: null")]
    [DataRow("flow=[4, 'a b', 'x,y']", "flow: [1, 2, 3]   # flow list", "flow: [4, a b, 'x,y'] # flow list")]
    [DataRow("flow.1=20", "flow: [1, 2, 3]", "flow: [1, 20, 3]")]
    [DataRow("fmap.b=3", "fmap: {a: 1, b: 2}", "fmap: {a: 1, b: 3}")]
    [DataRow("seq.1=c", "    - b", "    - c")]
    [DataRow("train.opt.name=sgd", "    name: adam  # optimizer", "    name: sgd   # optimizer")]
    [DataRow("train.opt.betas.0=0.8", "    betas: [0.9, 0.999]", "    betas: [0.8, 0.999]")]
    [DataRow("train.empty=3", "  empty:", "  empty: 3")]
    [DataRow("seq=[x, y, z]", "seq:\n    - a\n    - b", "seq:\n    - x\n    - y\n    - z")]
    [DataRow("seq=5", "seq:\n    - a\n    - b", "seq: 5")]
    [DataRow("train.opt=adam", "  opt:\n    name: adam  # optimizer\n    betas: [0.9, 0.999]", "  opt: adam")]
    [DataRow("train.opt={name: sgd, betas: [1, 2]}", "name: adam  # optimizer\n    betas: [0.9, 0.999]", "name: sgd   # optimizer\n    betas: [1, 2]")]
    [DataRow("+train.new=[1, 2]", "  empty:\n", "  empty:\n  new:\n    - 1\n    - 2\n")]
    [DataRow("++train.epochs=11", "  epochs: 10", "  epochs: 11")]
    [DataRow("++train.opt.momentum=0.9", "    betas: [0.9, 0.999]\n", "    betas: [0.9, 0.999]\n    momentum: 0.9\n")]
    [DataRow("+fmap.c=3", "fmap: {a: 1, b: 2}", "fmap: {a: 1, b: 2, c: 3}")]
    [DataRow("+new.deep.key=on", "  threshold: 0.5\n", "  threshold: 0.5\nnew:\n  deep:\n    key: on\n")]
    [DataRow("+train={opt: {lr: 1}}", "    betas: [0.9, 0.999]\n", "    betas: [0.9, 0.999]\n    lr: 1\n")]
    [DataRow("~tag", "tag: 'x'\n", "")]
    [DataRow("~tag=x", "tag: 'x'\n", "")]
    [DataRow("~seq", "seq:\n    - a\n    - b\n", "")]
    [DataRow("~train.opt", "  opt:\n    name: adam  # optimizer\n    betas: [0.9, 0.999]\n", "")]
    [DataRow("~fmap.a", "fmap: {a: 1, b: 2}", "fmap: {b: 2}")]
    [DataRow("~fmap.b", "fmap: {a: 1, b: 2}", "fmap: {a: 1}")]
    [DataRow("~flow.2", "flow: [1, 2, 3]", "flow: [1, 2]")]
    [DataRow("~seq.0", "    - a\n", "")]
    [DataRow("~evaluate.threshold", "evaluate:\n  threshold: 0.5\n", "evaluate: {}\n")]
    public void Changes_only_the_target_text(string set, string before, string after)
    {
        StringAssert.Contains(Original, before);

        var edited = ParamsFileEditor.Apply(Original, "params.yaml", OverrideParser.Parse(set));

        Assert.AreEqual(ReplaceOnce(Original, before, after), edited);
    }

    [TestMethod]
    public void Several_overrides_apply_in_order()
    {
        var edited = ParamsFileEditor.Apply(Original, "params.yaml", OverrideParser.Parse("train.epochs=20;lr=0.002;+seed=42;~flag"));

        var expected = ReplaceOnce(ReplaceOnce(ReplaceOnce(Original, "  epochs: 10", "  epochs: 20"), "lr: 1e-3        #", "lr: 0.002       #"), "flag: True\n", "")
            + "seed: 42\n";
        Assert.AreEqual(expected, edited);
    }

    [TestMethod]
    public void Adds_to_an_empty_file_and_to_a_file_without_final_newline()
    {
        Assert.AreEqual("a:\n  b: 1\n", ParamsFileEditor.Apply("", "p.yaml", OverrideParser.Parse("+a.b=1")));
        Assert.AreEqual("# only a comment\nx:\n  - 1\n", ParamsFileEditor.Apply("# only a comment\n", "p.yml", OverrideParser.Parse("++x=[1]")));
        Assert.AreEqual("a: 1\nb: 2\n", ParamsFileEditor.Apply("a: 1", "p.yaml", OverrideParser.Parse("+b=2")));
    }

    [TestMethod]
    public void Deleting_with_a_different_value_fails_like_hydra()
    {
        var e = Assert.ThrowsExactly<DvcException>(() => ParamsFileEditor.Apply(Original, "params.yaml", OverrideParser.Parse("~train.epochs=11")));

        Assert.AreEqual(DvcErrorCode.OverrideDeleteMismatch, e.Code);
        Assert.AreEqual("Invalid `--set-param` value: Could not delete from config. The value of 'train.epochs' is 10 and not 11.", e.Message);
    }

    [TestMethod]
    public void Deleting_with_an_equal_number_of_another_type_succeeds()
    {
        var edited = ParamsFileEditor.Apply(Original, "params.yaml", OverrideParser.Parse("~train.epochs=10.0"));

        Assert.AreEqual(ReplaceOnce(Original, "  epochs: 10\n", ""), edited);
    }

    [TestMethod]
    [DataRow("train.opt.nope.deeper=1", "Key 'nope' is not in struct\n    full_key: train.opt.nope\n")]
    [DataRow("fmap.c=1", "Key 'c' is not in struct\n    full_key: fmap.c\n")]
    [DataRow("train.opt={name: sgd, extra: 1}", "Key 'extra' is not in struct\n    full_key: train.opt.extra\n")]
    public void Setting_a_missing_key_names_the_first_missing_segment(string set, string cause)
    {
        var e = Assert.ThrowsExactly<DvcException>(() => ParamsFileEditor.Apply(Original, "params.yaml", OverrideParser.Parse(set)));

        Assert.AreEqual(DvcErrorCode.OverrideKeyMissing, e.Code);
        StringAssert.Contains(e.Message, cause);
    }

    [TestMethod]
    public void Nothing_changes_when_a_later_override_fails()
    {
        Assert.ThrowsExactly<DvcException>(() => ParamsFileEditor.Apply(Original, "params.yaml", OverrideParser.Parse("lr=1;nope=2")));
    }

    [TestMethod]
    public void Other_formats_are_rejected()
    {
        var e = Assert.ThrowsExactly<DvcException>(() => ParamsFileEditor.Apply("a = 1\n", "params.toml", OverrideParser.Parse("params.toml:a=2")));

        Assert.AreEqual(DvcErrorCode.OverrideUnsupportedFile, e.Code);
    }

    private static string ReplaceOnce(string text, string before, string after)
    {
        var index = text.IndexOf(before, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, index, $"'{before}' not in text");
        return string.Concat(text.AsSpan(0, index), after, text.AsSpan(index + before.Length));
    }
}
