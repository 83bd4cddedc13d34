using Dvc.Core.Overrides;

namespace Dvc.Core.Tests.Overrides;

[TestClass]
public sealed class ParamsFileEditorJsonTests
{
    private const string Original =
        "{\n" +
        "  \"lr\": 1e-3,\n" +
        "  \"name\": \"baseline\",\n" +
        "  \"layers\": [16, 8],\n" +
        "  \"train\": {\"epochs\": 3, \"opt\": \"adam\"},\n" +
        "  \"empty\": {},\n" +
        "  \"last\": true\n" +
        "}\n";

    [TestMethod]
    [DataRow("lr=2e-3", "\"lr\": 1e-3", "\"lr\": 2e-3")]
    [DataRow("lr=0.5", "\"lr\": 1e-3", "\"lr\": 0.5")]
    [DataRow("lr=nan", "\"lr\": 1e-3", "\"lr\": NaN")]
    [DataRow("name='big \"model\"'", "\"name\": \"baseline\"", "\"name\": \"big \\\"model\\\"\"")]
    [DataRow("name=5", "\"name\": \"baseline\"", "\"name\": 5")]
    [DataRow("layers=[1, 'a']", "\"layers\": [16, 8]", "\"layers\": [1, \"a\"]")]
    [DataRow("layers.1=4", "\"layers\": [16, 8]", "\"layers\": [16, 4]")]
    [DataRow("train.epochs=10", "\"epochs\": 3", "\"epochs\": 10")]
    [DataRow("+train.seed=1", "\"opt\": \"adam\"}", "\"opt\": \"adam\", \"seed\": 1}")]
    [DataRow("+empty.k=null", "\"empty\": {}", "\"empty\": {\"k\": null}")]
    [DataRow("+new.deep=1", "  \"last\": true\n", "  \"last\": true,\n  \"new\": {\"deep\": 1}\n")]
    [DataRow("~name", "  \"name\": \"baseline\",\n", "")]
    [DataRow("~last", ",\n  \"last\": true", "")]
    [DataRow("~train.epochs", "{\"epochs\": 3, \"opt\"", "{\"opt\"")]
    [DataRow("~train.opt", ", \"opt\": \"adam\"", "")]
    [DataRow("~layers.0", "[16, 8]", "[8]")]
    public void Changes_only_the_target_text(string set, string before, string after)
    {
        StringAssert.Contains(Original, before);

        var edited = ParamsFileEditor.Apply(Original, "params.json", OverrideParser.Parse("params.json:" + set));

        Assert.AreEqual(Original.Replace(before, after, StringComparison.Ordinal), edited);
        if (!edited.Contains("NaN", StringComparison.Ordinal))
        {
            // Python's json writes NaN, which strict JSON readers refuse; everything else must stay strict JSON.
            System.Text.Json.JsonDocument.Parse(edited).Dispose();
        }
    }

    [TestMethod]
    public void Creates_an_object_in_an_empty_file()
    {
        Assert.AreEqual("{\"a\": {\"b\": [1, 2]}}\n", ParamsFileEditor.Apply("", "p.json", OverrideParser.Parse("p.json:+a.b=[1,2]")));
    }

    [TestMethod]
    public void Non_ascii_text_keeps_spans_right()
    {
        var edited = ParamsFileEditor.Apply("{\"name\": \"é😀\", \"n\": 1}", "p.json", OverrideParser.Parse("p.json:n=2"));

        Assert.AreEqual("{\"name\": \"é😀\", \"n\": 2}", edited);
    }
}
