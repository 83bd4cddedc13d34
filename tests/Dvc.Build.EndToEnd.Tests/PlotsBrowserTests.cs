using System.Collections.ObjectModel;
using Dvc.Build.EndToEnd.Tests.Browser;
using Dvc.Build.EndToEnd.Tests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>The page Plots and ExpReport write, opened in a real, offline, headless Chromium.</summary>
[TestClass]
public sealed class PlotsBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>The sample pipeline, reproduced, then two experiments: the report lists both, draws
    /// their ROC curves over the baseline's and the parallel coordinates, with no console error.</summary>
    [TestMethod]
    public void The_experiment_report_of_the_sample_pipeline_renders_every_chart_offline()
    {
        using var repo = PipelineRepo.Create(initDvc: false);
        CopySampleProject(repo.Root);
        repo.CommitAll("sample pipeline");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode, "the sample pipeline reproduces");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "--allow-empty", "-m", "reproduced");
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.05", "Name=slow").ExitCode);
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.3", "Name=fast").ExitCode);

        var page = Path.Combine(repo.Root, "report", "index.html");
        var result = repo.Build("ExpReport", "Out=report");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, new Uri(page).AbsoluteUri);

        using var driver = HeadlessChromium.StartOrInconclusive();
        driver.Navigate().GoToUrl(new Uri(page));
        var charts = WaitForCharts(driver);
        Screenshot(driver, "experiment-report.png");

        Assert.AreEqual(2, charts.Count, "the ROC plot and the parallel coordinates");
        foreach (var chart in charts)
        {
            Assert.IsNull(chart.GetAttribute("data-error"), chart.GetAttribute("data-error"));
            var marks = chart.FindElements(By.CssSelector("svg .role-mark > *"));
            Assert.IsTrue(marks.Count > 0, $"'{chart.GetAttribute("id")}' has drawn marks");
        }

        var names = driver.FindElements(By.CssSelector("table.experiments tbody tr td:first-child")).Select(c => c.Text).ToList();
        CollectionAssert.IsSubsetOf(new[] { "slow", "fast" }, names, string.Join(", ", names));
        Assert.IsTrue(driver.FindElements(By.CssSelector("table.experiments td.changed")).Count >= 2, "the changed lr values are highlighted");
        var legend = driver.FindElement(By.CssSelector("[data-plot-id='plots/roc.csv'] svg")).Text;
        StringAssert.Contains(legend, "slow");
        StringAssert.Contains(legend, "fast");
        AssertNoConsoleErrors(driver);
    }

    /// <summary>Plots of the workspace: one chart per declared plot, in each template, no network.</summary>
    [TestMethod]
    public void Plots_of_every_template_render_offline()
    {
        using var repo = PipelineRepo.Create();
        var templates = new[] { "linear", "simple", "scatter", "smooth", "confusion", "confusion_normalized", "bar_horizontal", "bar_horizontal_sorted" };
        repo.Write("dvc.yaml", "plots:\n" + string.Concat(templates.Select(t => t.StartsWith("confusion", StringComparison.Ordinal)
            ? $"  - {t}:\n      template: {t}\n      x: actual\n      y:\n        classes.csv: predicted\n"
            : t.StartsWith("bar", StringComparison.Ordinal)
                ? $"  - {t}:\n      template: {t}\n      x: importance\n      y:\n        features.json: feature\n"
                : $"  - {t}:\n      template: {t}\n      x: step\n      y:\n        loss.tsv: loss\n")));
        repo.Write("loss.tsv", "step\tloss\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i}\t{1.0 / (i + 1):0.0000}\n")));
        repo.Write("classes.csv", "actual,predicted\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{(i % 3 == 0 ? "cat" : "dog")},{(i % 4 == 0 ? "cat" : "dog")}\n")));
        repo.Write("features.json", """{"features": [{"feature": "age", "importance": 0.4}, {"feature": "height", "importance": 0.25}, {"feature": "weight", "importance": 0.35}]}""");
        var result = repo.Build("Plots");
        Assert.AreEqual(0, result.ExitCode, result.ToString());

        using var driver = HeadlessChromium.StartOrInconclusive();
        driver.Navigate().GoToUrl(new Uri(Path.Combine(repo.Root, "dvc_plots", "index.html")));
        var charts = WaitForCharts(driver);
        Screenshot(driver, "templates.png");
        Assert.AreEqual(templates.Length, charts.Count);
        foreach (var chart in charts)
        {
            Assert.IsNull(chart.GetAttribute("data-error"), chart.GetAttribute("data-error"));
            Assert.IsTrue(chart.FindElements(By.CssSelector("svg .role-mark > *")).Count > 0, $"'{chart.GetAttribute("id")}' has drawn marks");
        }

        AssertNoConsoleErrors(driver);
    }

    private static ReadOnlyCollection<IWebElement> WaitForCharts(ChromeDriver driver)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var charts = driver.FindElements(By.CssSelector(".chart"));
            if (charts.All(c => c.GetAttribute("data-rendered") is not null || c.GetAttribute("data-error") is not null))
            {
                return charts;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("the charts were not drawn within 60 s");
            }

            Thread.Sleep(100);
        }
    }

    private static void AssertNoConsoleErrors(ChromeDriver driver)
    {
        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
    }

    private void Screenshot(ChromeDriver driver, string name)
    {
        var folder = TestContext.TestResultsDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddResultFile(path);
    }

    private static void CopySampleProject(string root)
    {
        var sample = Path.Combine(Checkout.Root, "sample-project");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file).Replace('\\', '/');
            if (relative == "pipeline.proj" || relative.StartsWith("data/split/", StringComparison.Ordinal) || relative.StartsWith("model/model", StringComparison.Ordinal)
                || relative.StartsWith(".dvc/tmp/", StringComparison.Ordinal) || relative.StartsWith(".dvc/cache/", StringComparison.Ordinal)
                || relative.StartsWith("dvc_plots/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
