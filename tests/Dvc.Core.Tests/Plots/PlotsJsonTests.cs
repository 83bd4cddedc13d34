using System.Text.Json.Nodes;
using Dvc.Core.Errors;
using Dvc.Core.Plots;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Plots;

/// <summary>
/// <c>-p:Format=json</c> against what <c>dvc plots show --json</c> (DVC 3 with dvc-render 1.0.2) prints.
/// The expected texts were derived by hand, step by step, from the DVC and dvc-render sources:
/// <list type="number">
/// <item>DVC's <c>VegaConverter.flat_datapoints</c> (dvc/render/converter/vega.py): x and y inferred
/// (<c>_infer_x_y</c>), labels (<c>infer_x_label</c>/<c>infer_y_label</c>), the x and y sources
/// (<c>_get_xs</c>/<c>_get_ys</c>, paired by position when x maps several files), each row a copy of
/// the record with <c>dvc_inferred_y_value</c> (several y fields), the x value or <c>step</c>, then
/// <c>rev</c>, <c>filename</c>, <c>field</c> added in that order (Python dicts keep insertion order).</item>
/// <item>DVC's <c>match_defs_renderers</c> (dvc/render/match.py): the title defaults to the plot id,
/// <c>revs_with_datapoints</c> lists the revisions in the order read (the workspace first).</item>
/// <item>dvc-render's <c>VegaRenderer.get_filled_template</c> (vega.py): optional anchors first
/// (colour scale over the revisions with the first colours of its palette, zoom, 300×300, then the
/// one-source or several-source groupings, tooltip, dashes, and <c>{}</c> for the rest with one
/// source), then title, x, y, labels and data; <c>_update_datapoints</c> drops <c>filename</c> and
/// <c>field</c> when they do not vary.</item>
/// <item>The template is vega_templates.py's dict for the name, keys in its order.</item>
/// <item>dvc/commands/plots.py <c>_show_json</c>: <c>compact({"errors": ..., "data": ...})</c>
/// through <c>ui.write_json</c>, which (stdout not a terminal) is <c>json.dumps</c> with no indent:
/// one line, <c>", "</c> and <c>": "</c>, ASCII only; dvc/render/convert.py <c>to_json</c> gives
/// <c>type</c>, <c>revisions</c>, <c>content</c> per plot.</item>
/// </list>
/// </summary>
[TestClass]
public sealed class PlotsJsonTests
{
    /// <summary>Two y fields of one CSV file with an x: the linear template, the inferred y, dashes by field.</summary>
    [TestMethod]
    public void Json_of_a_linear_plot_with_two_y_fields_is_dvcs_text()
    {
        using var dir = Project("plots:\n  - plots/acc.csv:\n      x: epoch\n      y: [train, val]\n      title: Accuracy\n");
        dir.Write("plots/acc.csv", "epoch,train,val\n0,0.5,0.4\n1,0.7,0.6\n");

        var json = Json(dir);

        var rows =
            Q("[{`epoch`: `0`, `train`: `0.5`, `val`: `0.4`, `dvc_inferred_y_value`: `0.5`, `rev`: `workspace`, `field`: `train`}, ")
            + Q("{`epoch`: `1`, `train`: `0.7`, `val`: `0.6`, `dvc_inferred_y_value`: `0.7`, `rev`: `workspace`, `field`: `train`}, ")
            + Q("{`epoch`: `0`, `train`: `0.5`, `val`: `0.4`, `dvc_inferred_y_value`: `0.4`, `rev`: `workspace`, `field`: `val`}, ")
            + Q("{`epoch`: `1`, `train`: `0.7`, `val`: `0.6`, `dvc_inferred_y_value`: `0.6`, `rev`: `workspace`, `field`: `val`}]");
        var expected =
            Q("{`data`: {`plots/acc.csv`: [{`type`: `vega`, `revisions`: [`workspace`], `content`: {`$schema`: `https://vega.github.io/schema/vega-lite/v5.json`, `data`: {`values`: ")
            + rows
            + Q("}, `title`: {`text`: `Accuracy`, `anchor`: `middle`}, `width`: 300, `height`: 300, `params`: [{`name`: `smooth`, `value`: 0.001, `bind`: {`input`: `range`, `min`: 0.001, `max`: 1, `step`: 0.001}}], ")
            + Q("`encoding`: {`x`: {`field`: `epoch`, `type`: `quantitative`, `title`: `epoch`}, `color`: {`field`: `rev`, `scale`: {`domain`: [`workspace`], `range`: [`#945dd6`]}}, ")
            + Q("`strokeDash`: {`field`: `field`, `scale`: {`domain`: [`train`, `val`], `range`: [[1, 0], [8, 8]]}, `legend`: {`symbolFillColor`: `transparent`, `symbolStrokeColor`: `grey`}}}, ")
            + Q("`layer`: [{`layer`: [{`params`: [{`name`: `grid`, `select`: `interval`, `bind`: `scales`}], `mark`: `line`}, {`transform`: [{`filter`: {`param`: `hover`, `empty`: false}}], `mark`: `point`}], ")
            + Q("`encoding`: {`y`: {`field`: `dvc_inferred_y_value`, `type`: `quantitative`, `title`: `y`, `scale`: {`zero`: false}}, `color`: {`field`: `rev`, `type`: `nominal`}}, ")
            + Q("`transform`: [{`loess`: `dvc_inferred_y_value`, `on`: `epoch`, `groupby`: [`rev`, `field`], `bandwidth`: {`signal`: `smooth`}}]}, ")
            + Q("{`mark`: {`type`: `line`, `opacity`: 0.2}, `encoding`: {`x`: {`field`: `epoch`, `type`: `quantitative`, `title`: `epoch`}, `y`: {`field`: `dvc_inferred_y_value`, `type`: `quantitative`, `title`: `y`, `scale`: {`zero`: false}}, `color`: {`field`: `rev`, `type`: `nominal`}}}, ")
            + Q("{`mark`: {`type`: `circle`, `size`: 10}, `encoding`: {`x`: {`aggregate`: `max`, `field`: `epoch`, `type`: `quantitative`, `title`: `epoch`}, `y`: {`aggregate`: {`argmax`: `epoch`}, `field`: `dvc_inferred_y_value`, `type`: `quantitative`, `title`: `y`, `scale`: {`zero`: false}}, `color`: {`field`: `rev`, `type`: `nominal`}}}, ")
            + Q("{`transform`: [{`calculate`: `datum.rev + '::' + datum.field`, `as`: `pivot_field`}, {`pivot`: `pivot_field`, `op`: `mean`, `value`: `dvc_inferred_y_value`, `groupby`: [`epoch`]}], `mark`: {`type`: `rule`, `tooltip`: {`content`: `data`}, `stroke`: `grey`}, ")
            + Q("`encoding`: {`opacity`: {`condition`: {`value`: 0.3, `param`: `hover`, `empty`: false}, `value`: 0}}, `params`: [{`name`: `hover`, `select`: {`type`: `point`, `fields`: [`epoch`], `nearest`: true, `on`: `mouseover`, `clear`: `mouseout`}}]}]}}]}}")
            + "\n";
        Assert.AreEqual(expected, json, "actual: " + json);
    }

    /// <summary>x from one file, y from another (<c>x: {a.csv: epoch}</c>, <c>y: {b.csv: acc}</c>): the
    /// x values join the y rows by position; one y source, so the simple template gets a tooltip, an
    /// empty strokeDash, and the rows lose filename and field.</summary>
    [TestMethod]
    public void Json_of_x_from_one_file_and_y_from_another_is_dvcs_text()
    {
        using var dir = Project("plots:\n  - pair:\n      x: {a.csv: epoch}\n      y: {b.csv: acc}\n      template: simple\n");
        dir.Write("a.csv", "epoch\n1\n2\n");
        dir.Write("b.csv", "acc\n0.5\n0.6\n");

        var json = Json(dir);

        var expected =
            Q("{`data`: {`pair`: [{`type`: `vega`, `revisions`: [`workspace`], `content`: {`$schema`: `https://vega.github.io/schema/vega-lite/v5.json`, ")
            + Q("`data`: {`values`: [{`acc`: `0.5`, `epoch`: `1`, `rev`: `workspace`}, {`acc`: `0.6`, `epoch`: `2`, `rev`: `workspace`}]}, ")
            + Q("`title`: {`text`: `pair`, `anchor`: `middle`}, `params`: [{`name`: `grid`, `select`: `interval`, `bind`: `scales`}], `width`: 300, `height`: 300, `mark`: {`type`: `line`, `tooltip`: {`content`: `data`}}, ")
            + Q("`encoding`: {`x`: {`field`: `epoch`, `type`: `quantitative`, `title`: `epoch`}, `y`: {`field`: `acc`, `type`: `quantitative`, `title`: `acc`, `scale`: {`zero`: false}}, ")
            + Q("`color`: {`field`: `rev`, `scale`: {`domain`: [`workspace`], `range`: [`#945dd6`]}}, `strokeDash`: {}, `tooltip`: [{`field`: `rev`}, {`field`: `epoch`}, {`field`: `acc`}]}}}]}}")
            + "\n";
        Assert.AreEqual(expected, json);
    }

    /// <summary>Several x sources pair with the y sources by position (DVC's <c>xs[i]</c>); different x
    /// fields share <c>dvc_inferred_x_value</c>; the y files lose their common folder in <c>filename</c>.</summary>
    [TestMethod]
    public void Several_x_sources_pair_with_the_y_sources_in_order()
    {
        using var dir = Project("plots:\n  - both:\n      x: {logs/train.csv: epoch, logs/test.csv: round}\n      y: {logs/train.csv: loss, logs/test.csv: acc}\n");
        dir.Write("logs/train.csv", "epoch,loss\n10,0.9\n20,0.5\n");
        dir.Write("logs/test.csv", "round,acc\n1,0.3\n2,0.4\n");

        var values = JsonNode.Parse(Json(dir))!["data"]!["both"]![0]!["content"]!["data"]!["values"]!.AsArray();

        Assert.AreEqual(4, values.Count);
        Assert.AreEqual("""{"epoch":"10","loss":"0.9","dvc_inferred_y_value":"0.9","dvc_inferred_x_value":"10","rev":"workspace","filename::field":"train.csv::loss"}""",
            values[0]!.ToJsonString());
        Assert.AreEqual("""{"round":"2","acc":"0.4","dvc_inferred_y_value":"0.4","dvc_inferred_x_value":"2","rev":"workspace","filename::field":"test.csv::acc"}""",
            values[3]!.ToJsonString());

        dir.Write("dvc.yaml", "plots:\n  - both:\n      x: {logs/train.csv: epoch, logs/test.csv: round}\n      y: {logs/train.csv: [loss, epoch], logs/test.csv: acc}\n");
        var error = Assert.ThrowsExactly<DvcException>(() => Json(dir));
        Assert.AreEqual(DvcErrorCode.PlotSourcesMismatch, error.Code);
        StringAssert.Contains(error.Message, "Cannot have different number of x and y data sources. Found 2 x and 3 y data sources.");
    }

    /// <summary>A revision without the data file is reported under errors, as DVC reports it, and left out of the plot.</summary>
    [TestMethod]
    public void A_revision_without_the_data_is_listed_under_errors()
    {
        using var dir = Project("plots:\n  - loss.csv\n");
        dir.Write("loss.csv", "loss\n0.5\n");
        var workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();
        var old = workspace with { Label = "v1", ReadText = _ => null };

        var json = PlotsShow.Json(PlotsShow.Render([workspace, old], _ => null), dir.Combine("dvc_plots"));

        StringAssert.StartsWith(json,
            Q("{`errors`: [{`name`: `loss.csv`, `rev`: `v1`, `source`: `loss.csv`, `type`: `FileNotFoundError`, `msg`: `[Errno 2] No such file or directory: 'loss.csv'`}], `data`: {`loss.csv`: [{`type`: `vega`, `revisions`: [`workspace`], "));
    }

    /// <summary>Nothing to plot: DVC's <c>compact</c> leaves an empty object.</summary>
    [TestMethod]
    public void Json_without_plots_is_an_empty_object()
    {
        using var dir = Project("stages:\n  a:\n    cmd: echo\n");
        Assert.AreEqual("{}\n", Json(dir));
    }

    /// <summary>A stage's plot output that is a folder is one plot per file in it, in the workspace and in a commit.</summary>
    [TestMethod]
    public void A_folder_of_plots_is_one_plot_per_file()
    {
        using var repo = new TempGitRepo();
        repo.Write(".dvc/config", "");
        repo.Write("dvc.yaml", "stages:\n  train:\n    cmd: echo\n    plots:\n      - curves:\n          cache: false\n          x: t\n");
        repo.Write("curves/a.csv", "t,loss\n0,0.9\n");
        repo.Write("curves/deep/b.csv", "t,acc\n0,0.1\n");
        var sha = repo.CommitAll("v1");
        repo.Write("curves/a.csv", "t,loss\n0,0.8\n");

        using var collector = new PlotsCollector(repo.Root, repo.Root);
        var plots = PlotsShow.Render([collector.Workspace(), .. collector.Commits([("v1", sha)])], collector.ReadWorkspaceText);

        CollectionAssert.AreEqual(new[] { "curves/a.csv", "curves/deep/b.csv" }, plots.Select(p => p.Id).ToArray());
        CollectionAssert.AreEqual(new[] { "workspace", "v1" }, plots[0].Revisions.ToArray());
        var values = JsonNode.Parse(plots[0].Content!)!["data"]!["values"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "0.8", "0.9" }, values.Select(v => (string?)v!["loss"]).ToArray());
        Assert.AreEqual("t", (string?)JsonNode.Parse(plots[1].Content!)!["encoding"]!["x"]!["field"], "the folder's properties apply to each file");
    }

    /// <summary>An image of every revision is written into the output folder (DVC's
    /// <c>&lt;rev&gt;_&lt;path&gt;</c> names) with its path as url, and the page shows each revision's image.</summary>
    [TestMethod]
    public void Images_of_other_revisions_are_written_out_and_shown_per_revision()
    {
        using var repo = new TempGitRepo();
        repo.Write(".dvc/config", "");
        repo.Write("dvc.yaml", "stages:\n  eval:\n    cmd: echo\n    plots:\n      - eval/cm.png:\n          cache: false\n");
        Directory.CreateDirectory(repo.PathOf("eval"));
        File.WriteAllBytes(repo.PathOf("eval/cm.png"), [1, 2, 3]);
        var sha = repo.CommitAll("v1");
        File.WriteAllBytes(repo.PathOf("eval/cm.png"), [4, 5]);

        using var collector = new PlotsCollector(repo.Root, repo.Root);
        var plots = PlotsShow.Render([collector.Workspace(), .. collector.Commits([("main", sha)])], collector.ReadWorkspaceText);
        var outDir = repo.PathOf("dvc_plots");
        var entries = JsonNode.Parse(PlotsShow.Json(plots, outDir))!["data"]!["eval/cm.png"]!.AsArray();

        Assert.AreEqual(2, entries.Count);
        Assert.AreEqual(Path.Combine(outDir, "workspace_eval_cm.png"), (string?)entries[0]!["url"]);
        Assert.AreEqual(Path.Combine(outDir, "main_eval_cm.png"), (string?)entries[1]!["url"]);
        Assert.AreEqual("main", (string?)entries[1]!["revisions"]![0]);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(outDir, "main_eval_cm.png")));
        CollectionAssert.AreEqual(new byte[] { 4, 5 }, File.ReadAllBytes(Path.Combine(outDir, "workspace_eval_cm.png")));

        var page = PlotsPage.Render("t", plots, null, []);
        StringAssert.Contains(page, "<figure class=\"image\" data-rev=\"workspace\"><img alt=\"workspace: eval/cm.png\" src=\"data:image/png;base64," + Convert.ToBase64String([4, 5]));
        StringAssert.Contains(page, "<figure class=\"image\" data-rev=\"main\"><img alt=\"main: eval/cm.png\" src=\"data:image/png;base64," + Convert.ToBase64String([1, 2, 3]));
    }

    /// <summary>The expected texts are written with ` for " to keep them readable.</summary>
    private static string Q(string text) => text.Replace('`', '"');

    private static string Json(TempDirectory dir)
    {
        var collector = new PlotsCollector(dir.Path, dir.Path);
        return PlotsShow.Json(PlotsShow.Render([collector.Workspace()], collector.ReadWorkspaceText), dir.Combine("dvc_plots"));
    }

    private static TempDirectory Project(string pipeline)
    {
        var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", pipeline);
        return dir;
    }
}
