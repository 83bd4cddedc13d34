using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Tests.Yaml;

/// <summary>
/// Scalar styles and folding on strings where PyYAML 6 (whose emitter ruamel's derives from, same
/// analysis and folding) agrees with ruamel; the expected text is PyYAML's
/// <c>safe_dump(..., default_flow_style=False, allow_unicode=True, sort_keys=False)</c>.
/// Lock-specific layout is covered byte for byte by the fixture tests.
/// </summary>
[TestClass]
public sealed class RuamelYamlEmitterTests
{
    [TestMethod]
    public void QuotesAndFoldsLikeTheReferenceEmitter()
    {
        var document = new PyDict
        {
            { "tab", "x\ty" },
            { "long_single", "#" + string.Join(" ", Enumerable.Range(0, 20).Select(i => $"word{i:00}")) },
            { "long_double", "it's " + string.Join(" ", Enumerable.Range(0, 14).Select(i => $"segment{i:00}")) + "\tend" },
            { "colon", "a: b" },
            { "hash", "a #b" },
            { "unicode", "naïve-é \U0001F600" },
            { "dash", "- x" },
            { "trail", "x " },
            { "empty", "" },
            { "num", "123" },
            { "list", new List<object?> { "a", new PyDict { { "k", "v" } }, new List<object?> { "x", "y" }, new List<object?>(), new PyDict() } },
        };

        const string expected = "tab: \"x\\ty\"\nlong_single: '#word00 word01 word02 word03 word04 word05 word06 word07 word08 word09\n  word10 word11 word12 word13 word14 word15 word16 word17 word18 word19'\nlong_double: \"it's segment00 segment01 segment02 segment03 segment04 segment05 segment06\\\n  \\ segment07 segment08 segment09 segment10 segment11 segment12 segment13\\tend\"\ncolon: 'a: b'\nhash: 'a #b'\nunicode: na\u00efve-\u00e9 \ud83d\ude00\ndash: '- x'\ntrail: 'x '\nempty: ''\nnum: '123'\nlist:\n- a\n- k: v\n- - x\n  - y\n- []\n- {}\n";
        Assert.AreEqual(expected, RuamelYamlEmitter.Emit(document));
    }

    [TestMethod]
    public void WritesYaml12TypedValuesPlainAndAmbiguousStringsQuoted()
    {
        var document = new PyDict
        {
            { "none", null },
            { "yes_word", "yes" },
            { "true_text", "true" },
            { "float_text", "2.0" },
            { "date_text", "2024-01-01" },
            { "flag", false },
            { "inf", double.PositiveInfinity },
            { "small", 1e-05 },
            { "empty_map", new PyDict() },
        };

        // Quoting follows ruamel's YAML 1.2 resolvers (yes is a plain string, dates are timestamps);
        // None is an empty value; floats use Python repr (fixture 03 shows .inf and 1.5e+20).
        Assert.AreEqual(
            "none:\nyes_word: yes\ntrue_text: 'true'\nfloat_text: '2.0'\ndate_text: '2024-01-01'\nflag: false\ninf: .inf\nsmall: 1e-05\nempty_map: {}\n",
            RuamelYamlEmitter.Emit(document));
    }

    [TestMethod]
    public void EmptyDocumentIsAnEmptyFlowMap() => Assert.AreEqual("{}\n", RuamelYamlEmitter.Emit(new PyDict()));
}
