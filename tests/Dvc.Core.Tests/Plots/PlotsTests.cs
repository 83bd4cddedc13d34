using System.Text.Json.Nodes;
using Dvc.Core.Errors;
using Dvc.Core.Plots;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Plots;

/// <summary>Plot definitions, data formats, templates, the json output, errors and revision overlay.</summary>
[TestClass]
public sealed class PlotsTests
{
    private const string Pipeline = """
        plots:
          - plots/loss.tsv
          - roc:
              template: simple
              x: fpr
              y:
                eval/roc.json: tpr
              title: ROC
          - plots/acc.csv:
              y: [train, val]
              x_label: epoch
        stages:
          evaluate:
            wdir: sub
            cmd: echo
            plots:
              - curve.yaml:
                  x: a
                  y: b
                  template: scatter
                  cache: false
              - confusion.png
        """;

    [TestMethod]
    public void Definitions_cover_top_level_paths_ids_with_file_maps_and_stage_plots_in_their_wdir()
    {
        using var dir = Project(Pipeline);
        var plots = new PlotsCollector(dir.Path, dir.Path).Workspace().Definitions;

        CollectionAssert.AreEqual(
            new[] { "plots/loss.tsv", "roc", "plots/acc.csv", "sub/curve.yaml", "sub/confusion.png" },
            plots.Select(p => p.Id).ToArray());
        var roc = plots[1];
        Assert.AreEqual("simple", roc.Template);
        Assert.AreEqual("ROC", roc.Title);
        Assert.AreEqual("eval/roc.json", roc.Sources.Single());
        Assert.AreEqual("fpr", roc.X!.Field);
        CollectionAssert.AreEqual(new[] { "tpr" }, roc.Y!.Files!.Single().Fields.ToArray());
        CollectionAssert.AreEqual(new[] { "train", "val" }, plots[2].Y!.Fields!.ToArray());
        Assert.AreEqual("epoch", plots[2].XLabel);
        Assert.AreEqual("scatter", plots[3].Template);
        Assert.AreEqual("a", plots[3].X!.Field);
        Assert.IsTrue(plots[4].IsImage);
        Assert.AreEqual(3, roc.Location.Line, "errors about the plot point at its key");
    }

    [TestMethod]
    public void Csv_tsv_json_and_yaml_data_are_read_as_dvc_reads_them()
    {
        var at = new SourceLocation("dvc.yaml", 1, 1);
        var csv = PlotDataReader.Read("a.csv", "x,label\n1,\"a, \"\"quoted\"\" b\"\n2,c\n", at);
        CollectionAssert.AreEqual(new[] { "x", "label" }, csv.Columns.ToArray());
        Assert.AreEqual("a, \"quoted\" b", csv.Rows[0][1]);
        Assert.AreEqual("2", csv.Rows[1][0], "CSV cells stay text, as Python's csv module gives them");

        var tsv = PlotDataReader.Read("a.tsv", "step\tloss\r\n0\t0.5\r\n", at);
        Assert.AreEqual("0.5", tsv.Rows.Single()[1]);

        // DVC's get_datapoints: lists of records with one set of keys, merged row by row; a list whose
        // records differ in keys is left out.
        var json = PlotDataReader.Read("a.json", """
            {"meta": 1, "train": [{"x": 1, "y": 0.5}, {"x": 2, "y": 0.7}], "odd": [{"a": 1}, {"b": 2}],
             "nested": {"test": [{"t": true}]}}
            """, at);
        CollectionAssert.AreEqual(new[] { "x", "y", "t" }, json.Columns.ToArray());
        Assert.AreEqual(0.5, json.Rows[0][1]);
        Assert.AreEqual(true, json.Rows[0][2]);
        Assert.AreSame(PlotTable.Missing, json.Rows[1][2], "the shorter list gives the second row nothing");
        Assert.AreEqual("y", json.InferredY, "the last key of the first record");

        var yaml = PlotDataReader.Read("a.yaml", "- {x: 1, y: 2}\n- {x: 2, y: 3}\n", at);
        Assert.AreEqual(2L, yaml.Rows[1][0]);
    }

    [TestMethod]
    public void A_plot_fills_its_template_with_rows_marked_by_revision_and_steps_when_there_is_no_x()
    {
        using var dir = Project(Pipeline);
        dir.Write("plots/loss.tsv", "loss\n0.9\n0.5\n0.2\n");
        var workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();
        var plot = PlotRenderer.Render(workspace.Definitions[0], [workspace], _ => null);

        var spec = JsonNode.Parse(plot.Content!)!;
        Assert.AreEqual("step", (string?)spec["encoding"]!["x"]!["field"]);
        Assert.AreEqual("loss", (string?)spec["layer"]![0]!["encoding"]!["y"]!["field"], "the last field when y is not given");
        Assert.AreEqual("rev", (string?)spec["encoding"]!["color"]!["field"]);
        Assert.AreEqual("plots/loss.tsv", (string?)spec["title"]!["text"], "the plot id when no title is given");
        var values = spec["data"]!["values"]!.AsArray();
        Assert.AreEqual(3, values.Count);
        Assert.AreEqual(2, (int)values[2]!["step"]!);
        Assert.AreEqual("workspace", (string?)values[0]!["rev"]);
        Assert.IsNull(values[0]!["filename"], "one y source: dvc-render drops filename and field");
    }

    [TestMethod]
    public void Several_y_fields_share_the_inferred_y_and_differ_by_dash()
    {
        using var dir = Project(Pipeline);
        dir.Write("plots/acc.csv", "epoch,train,val\n0,0.5,0.4\n1,0.7,0.6\n");
        var workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();
        var spec = JsonNode.Parse(PlotRenderer.Render(workspace.Definitions[2], [workspace], _ => null).Content!)!;

        Assert.AreEqual("dvc_inferred_y_value", (string?)spec["layer"]![0]!["encoding"]!["y"]!["field"]);
        Assert.AreEqual("field", (string?)spec["encoding"]!["strokeDash"]!["field"]);
        Assert.AreEqual("epoch", (string?)spec["encoding"]!["x"]!["title"]);
        var values = spec["data"]!["values"]!.AsArray();
        Assert.AreEqual(4, values.Count);
        Assert.AreEqual("0.6", (string?)values[3]!["dvc_inferred_y_value"]);
        Assert.AreEqual("val", (string?)values[3]!["field"]);
    }

    [TestMethod]
    public void Show_json_lists_each_plot_with_its_type_revisions_and_content()
    {
        using var dir = Project(Pipeline);
        dir.Write("plots/loss.tsv", "loss\n0.9\n");
        dir.Write("eval/roc.json", """[{"fpr": 0, "tpr": 0}, {"fpr": 1, "tpr": 1}]""");
        dir.Write("plots/acc.csv", "train,val\n1,2\n");
        dir.Write("sub/curve.yaml", "- {a: 1, b: 2}\n");
        dir.Write("sub/confusion.png", [0x89, 0x50]);
        var workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();

        var json = JsonNode.Parse(PlotsShow.Json(PlotsShow.Render([workspace], _ => null), Path.Combine(dir.Path, "dvc_plots")))!["data"]!;

        var roc = json["roc"]!.AsArray().Single()!;
        Assert.AreEqual("vega", (string?)roc["type"]);
        Assert.AreEqual("workspace", (string?)roc["revisions"]![0]);
        Assert.AreEqual("ROC", (string?)roc["content"]!["title"]!["text"]);
        Assert.AreEqual(2, roc["content"]!["data"]!["values"]!.AsArray().Count);
        var image = json["sub/confusion.png"]!.AsArray().Single()!;
        Assert.AreEqual("image", (string?)image["type"]);
        Assert.AreEqual(Path.Combine(dir.Path, "dvc_plots", "workspace_sub_confusion.png"), (string?)image["url"], "written out, as DVC does");
        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50 }, File.ReadAllBytes((string)image["url"]!));
    }

    [TestMethod]
    public void A_missing_data_file_an_unknown_field_and_an_unknown_template_point_at_the_plot_in_dvc_yaml()
    {
        using var dir = Project(Pipeline);
        var workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();
        var missing = Assert.ThrowsExactly<DvcException>(() => PlotRenderer.Render(workspace.Definitions[1], [workspace], _ => null));
        Assert.AreEqual(DvcErrorCode.PlotDataMissing, missing.Code);
        Assert.AreEqual(3, missing.Location!.Line);
        StringAssert.Contains(missing.Message, "eval/roc.json");

        dir.Write("eval/roc.json", """[{"fpr": 0, "recall": 0}]""");
        var field = Assert.ThrowsExactly<DvcException>(() => PlotRenderer.Render(workspace.Definitions[1], [workspace], _ => null));
        Assert.AreEqual(DvcErrorCode.PlotFieldMissing, field.Code);
        StringAssert.Contains(field.Message, "'tpr'");
        Assert.AreEqual(3, field.Location!.Line);

        dir.Write("dvc.yaml", "plots:\n  - loss.csv:\n      template: wavy\n");
        dir.Write("loss.csv", "loss\n1\n");
        workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();
        var template = Assert.ThrowsExactly<DvcException>(() => PlotRenderer.Render(workspace.Definitions[0], [workspace], _ => null));
        Assert.AreEqual(DvcErrorCode.PlotTemplateUnknown, template.Code);
        Assert.AreEqual(2, template.Location!.Line);
        StringAssert.Contains(template.Message, "'wavy'");
    }

    [TestMethod]
    public void A_user_template_under_dvc_plots_is_found_by_name()
    {
        using var dir = Project("plots:\n  - loss.csv:\n      template: mine\n");
        dir.Write("loss.csv", "loss\n1\n");
        dir.Write(".dvc/plots/mine.json", """{"mark": "bar", "data": {"values": "<DVC_METRIC_DATA>"}, "encoding": {"y": {"field": "<DVC_METRIC_Y>"}}}""");
        var collector = new PlotsCollector(dir.Path, dir.Path);
        var workspace = collector.Workspace();
        var spec = JsonNode.Parse(PlotRenderer.Render(workspace.Definitions[0], [workspace], collector.ReadWorkspaceText).Content!)!;
        Assert.AreEqual("bar", (string?)spec["mark"]);
        Assert.AreEqual("loss", (string?)spec["encoding"]!["y"]!["field"]);
    }

    [TestMethod]
    public void Revisions_are_overlaid_from_git_for_tracked_plots_and_from_the_cache_for_cached_ones()
    {
        using var repo = new TempGitRepo();
        repo.Write(".dvc/config", "");
        repo.Write("dvc.yaml", "stages:\n  train:\n    cmd: echo\n    plots:\n      - tracked.csv:\n          cache: false\n      - cached.csv\n");
        repo.Write("tracked.csv", "loss\n0.9\n");
        const string cachedText = "loss\n0.8\n";
        var md5 = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(cachedText))).ToLowerInvariant();
        repo.Write($".dvc/cache/files/md5/{md5[..2]}/{md5[2..]}", cachedText);
        repo.Write(".gitignore", "/cached.csv\n/.dvc/cache\n");
        repo.Write("dvc.lock", $"schema: '2.0'\nstages:\n  train:\n    cmd: echo\n    outs:\n    - path: cached.csv\n      hash: md5\n      md5: {md5}\n      size: {cachedText.Length}\n    - path: tracked.csv\n      hash: md5\n      md5: 3e1c2ad4d4d2e7c5f5e8a6a0f2b1c9d7\n      size: 9\n");
        var sha = repo.CommitAll("v1");
        repo.Write("tracked.csv", "loss\n0.1\n");
        repo.Write("cached.csv", "loss\n0.2\n");

        using var collector = new PlotsCollector(repo.Root, repo.Root);
        var revisions = collector.Commits([("HEAD", sha)]).Append(collector.Workspace()).ToList();
        var plots = PlotsShow.Render(revisions, collector.ReadWorkspaceText);

        Assert.AreEqual(2, plots.Count);
        Assert.IsNotNull(revisions[0].ReadText("tracked.csv"), "tracked from git");
        Assert.IsNotNull(revisions[0].ReadText("cached.csv"), "cached from the cache");
        foreach (var (plot, old, now) in new[] { (plots[0], "0.9", "0.1"), (plots[1], "0.8", "0.2") })
        {
            CollectionAssert.AreEqual(new[] { "HEAD", "workspace" }, plot.Revisions.ToArray(), plot.Id);
            var values = JsonNode.Parse(plot.Content!)!["data"]!["values"]!.AsArray();
            Assert.AreEqual(old, (string?)values.Single(v => (string?)v!["rev"] == "HEAD")!["loss"], plot.Id);
            Assert.AreEqual(now, (string?)values.Single(v => (string?)v!["rev"] == "workspace")!["loss"], plot.Id);
        }
    }

    [TestMethod]
    public void The_page_inlines_each_library_once_and_keeps_script_text_out_of_the_data()
    {
        using var dir = Project("plots:\n  - a.csv:\n      title: </script><b>\n");
        dir.Write("a.csv", "x\n</script>\n");
        var workspace = new PlotsCollector(dir.Path, dir.Path).Workspace();
        var plots = PlotsShow.Render([workspace, workspace with { Label = "other" }], _ => null);
        var page = PlotsPage.Render("t", plots, null, ["/*LIB-A*/", "/*LIB-B*/"]);

        Assert.AreEqual(1, CountOf(page, "/*LIB-A*/"));
        Assert.AreEqual(5, CountOf(page, "</script>"), "two libraries, one spec, its data, the page's script: nothing in the data closes a tag");
        Assert.AreEqual(0, CountOf(page, "</script><b>"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static TempDirectory Project(string pipeline)
    {
        var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", pipeline);
        return dir;
    }
}
