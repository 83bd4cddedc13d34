using Dvc.Core.Errors;

namespace Dvc.Core.Plots;

/// <summary>One plot of dvc.yaml (a top-level <c>plots</c> entry or a stage's plot output), with the
/// properties DVC's converter and renderer read. Paths are relative to the DVC root, a stage's wdir
/// or the dvc.yaml's folder applied.</summary>
/// <param name="Id">The plot id: the entry's key or path, as <c>dvc plots show --json</c> names it.</param>
/// <param name="X">As written: a field, or data file → field; null when not given (rows are then numbered as <c>step</c>).</param>
/// <param name="Y">As written: a field, a list of fields, or data file → field(s); null: the last field of the data.</param>
/// <param name="Location">The dvc.yaml line that defines it, where errors about it point.</param>
internal sealed record PlotDefinition(
    string Id,
    PlotAxis? X,
    PlotAxis? Y,
    string? Template,
    string? Title,
    string? XLabel,
    string? YLabel,
    SourceLocation Location)
{
    public const string DefaultTemplate = "linear";

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg"];

    /// <summary>DVC's <c>_id_is_path</c>: the id names the data file (or folder) unless y maps files to fields.</summary>
    public bool IdIsPath => Y?.Files is null;

    /// <summary>The files the plot reads, as DVC's <c>infer_data_sources</c> lists them: y's files (or
    /// the id), then the first file of an x map.</summary>
    public IReadOnlyList<string> Sources
    {
        get
        {
            var sources = Y?.Files is { } files ? files.Select(f => f.File).ToList() : [Id];
            if (X?.Files is [var firstX, ..])
            {
                sources.Add(firstX.File);
            }

            return sources.Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>An image plot (png, jpg, gif, svg) is shown as the image itself, one per revision.</summary>
    public bool IsImage => IdIsPath && IsImagePath(Id);

    public static bool IsImagePath(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant(), StringComparer.Ordinal);
}

/// <summary>An axis of a plot definition in one of the forms dvc.yaml allows.</summary>
/// <param name="Field">The one field (<c>y: acc</c>).</param>
/// <param name="Fields">A list of fields (<c>y: [train, val]</c>).</param>
/// <param name="Files">Data file → field(s) (<c>y: {a.csv: acc}</c>), in file order.</param>
internal sealed record PlotAxis(string? Field, IReadOnlyList<string>? Fields, IReadOnlyList<PlotAxisFile>? Files);

/// <param name="IsList">The fields were written as a list (DVC then repeats a plain x once per field).</param>
internal sealed record PlotAxisFile(string File, IReadOnlyList<string> Fields, bool IsList);
