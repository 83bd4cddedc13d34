using System.Text.Json.Nodes;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>The Plots target through real `dotnet build`: its page, json, revisions and errors.</summary>
[TestClass]
public sealed class PlotsTargetTests
{
    [TestMethod]
    public void Plots_writes_the_page_where_Out_says_and_prints_its_url()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "plots:\n  - loss.csv\n");
        repo.Write("loss.csv", "loss\n1\n0.5\n");

        var result = repo.Build("Plots", "Out=reports/plots");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var page = Path.Combine(repo.Root, "reports", "plots", "index.html");
        StringAssert.Contains(result.Output, new Uri(page).AbsoluteUri);
        var html = File.ReadAllText(page);
        StringAssert.Contains(html, "data-plot-id=\"loss.csv\"");
        Assert.IsFalse(html.Contains("src=\"http", StringComparison.Ordinal), "nothing is fetched");

        Assert.AreEqual(0, repo.Build("Plots").ExitCode);
        Assert.IsTrue(repo.Exists("dvc_plots/index.html"), "the default is DVC's dvc_plots/index.html");
    }

    /// <summary>Out, Revs and Exps are short aliases: read from the command line only, never from the environment.</summary>
    [TestMethod]
    public void Out_Revs_and_Exps_in_the_environment_change_nothing()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "plots:\n  - loss.csv\n");
        repo.Write("loss.csv", "loss\n1\n");
        repo.BuildEnvironment["OUT"] = "from-env.html";
        repo.BuildEnvironment["REVS"] = "no-such-rev";
        repo.BuildEnvironment["EXPS"] = "no-such-exp";

        var result = repo.Build("Plots");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(repo.Exists("dvc_plots/index.html"));
        Assert.IsFalse(repo.Exists("from-env.html"));
    }

    [TestMethod]
    public void Revs_overlays_a_commit_and_the_workspace_and_json_prints_them()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "plots:\n  - loss.csv\n");
        repo.Write("loss.csv", "loss\n0.9\n");
        repo.CommitAll("first");
        repo.Write("loss.csv", "loss\n0.1\n");

        var result = repo.Build("Plots", "Revs=HEAD", "Format=json");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var json = JsonNode.Parse(JsonText(result.Output))!["data"]!["loss.csv"]![0]!;
        CollectionAssert.AreEqual(new[] { "workspace", "HEAD" }, json["revisions"]!.AsArray().Select(r => (string?)r).ToArray(), "DVC reads the workspace first");
        var values = json["content"]!["data"]!["values"]!.AsArray();
        Assert.AreEqual("0.9", (string?)values.Single(v => (string?)v!["rev"] == "HEAD")!["loss"]);
        Assert.AreEqual("0.1", (string?)values.Single(v => (string?)v!["rev"] == "workspace")!["loss"]);
    }

    [TestMethod]
    [DataRow("plots:\n  - loss.csv:\n      y: loss\n", null, "DVC1501", 2, "'loss.csv' does not exist")]
    [DataRow("plots:\n  - curve:\n      y:\n        loss.csv: accuracy\n", "loss\n1\n", "DVC1502", 2, "field 'accuracy' does not exist in 'loss.csv'")]
    [DataRow("stages:\n  train:\n    cmd: echo\n    plots:\n      - loss.csv:\n          template: wiggly\n", "loss\n1\n", "DVC1503", 5, "Template 'wiggly' not found")]
    public void A_bad_plot_is_one_error_at_its_dvc_yaml_line(string pipeline, string? data, string code, int line, string message)
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", pipeline);
        if (data is not null)
        {
            repo.Write("loss.csv", data);
        }

        var result = repo.Build("Plots");
        Assert.AreNotEqual(0, result.ExitCode);
        var errors = result.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.AreEqual(1, errors.Count, result.ToString());
        StringAssert.StartsWith(errors[0].Trim(), Path.Combine(repo.Root, "dvc.yaml") + $"({line},");
        StringAssert.Contains(errors[0], $"error {code}: ");
        StringAssert.Contains(errors[0], message);
        Assert.IsFalse(repo.Exists("dvc_plots/index.html"));
    }

    private static string JsonText(string output)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        var end = output.LastIndexOf('}');
        return output[start..(end + 1)];
    }
}
