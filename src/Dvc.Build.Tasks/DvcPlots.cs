using Dvc.Core.Errors;
using Dvc.Core.IO;
using Dvc.Core.Plots;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc plots show</c> / <c>dvc plots diff</c>, and the experiment report: one offline HTML
/// page (or, with Format=json, what <c>dvc plots show --json</c> prints).</summary>
public sealed class DvcPlots : DvcTask
{
    [Microsoft.Build.Framework.Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The page to write: an .html file, or a folder to hold index.html. Default dvc_plots/index.html.</summary>
    public string? Out { get; set; }

    /// <summary>html (default) or json.</summary>
    public string? Format { get; set; }

    /// <summary>;-separated revisions to overlay: experiments, branches, commits, workspace.</summary>
    public string? Revs { get; set; }

    /// <summary>;-separated experiments for the report; empty for all of the baseline's.</summary>
    public string? Exps { get; set; }

    /// <summary>Add the experiments table and parallel coordinates (also implied by Exps).</summary>
    public bool Report { get; set; }

    /// <summary>The folder holding the vendored vega, vega-lite and vega-embed bundles.</summary>
    [Microsoft.Build.Framework.Required]
    public string LibraryDirectory { get; set; } = "";

    protected override void Run()
    {
        var json = (Format ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "html" => false,
            "json" => true,
            _ => throw new DvcException(DvcErrorCode.InvalidOption, $"unknown Format '{Format}': use html or json"),
        };
        var exps = Split(Exps);
        var request = new PlotsRequest
        {
            ProjectDirectory = ProjectDirectory,
            Revisions = Split(Revs),
            Report = Report || exps.Count > 0,
            Experiments = exps,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (plots, report) = request.Build();
        var read = clock.ElapsedMilliseconds;
        if (json)
        {
            // As dvc plots show --json: images are written into the output folder (-p:Out, default dvc_plots).
            var text = PlotsShow.Json(plots, OutputFolder());
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                WriteLine(line);
            }

            return;
        }

        var libraries = new[] { "vega.min.js", "vega-lite.min.js", "vega-embed.min.js" }.Select(ReadLibrary).ToList();
        var path = OutputPath();
        AtomicFile.WriteText(path, writer => PlotsPage.Render(writer, report is null ? "DVC Plots" : "Experiment report", plots, report, libraries));
        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
            $"Plots: {plots.Count} plots read and drawn in {read} ms, page written in {clock.ElapsedMilliseconds - read} ms");
        WriteLine(new Uri(path).AbsoluteUri);
    }

    private string OutputFolder()
    {
        var page = OutputPath();
        return Path.GetDirectoryName(page)!;
    }

    private string OutputPath()
    {
        var outPath = string.IsNullOrWhiteSpace(Out) ? Path.Combine("dvc_plots", "index.html") : Out!.Trim();
        var full = Path.GetFullPath(Path.Combine(ProjectDirectory, outPath));
        var extension = Path.GetExtension(full).ToLowerInvariant();
        return extension is ".html" or ".htm" ? full : Path.Combine(full, "index.html");
    }

    private string ReadLibrary(string name)
    {
        var path = Path.Combine(LibraryDirectory, name);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new DvcException(DvcErrorCode.PlotAssetsMissing, $"the chart library '{path}' is missing: reinstall Dvc.Build (or restore build/vega/ of the checkout)");
    }

    private static List<string> Split(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
