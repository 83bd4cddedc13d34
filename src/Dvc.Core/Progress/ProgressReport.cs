using System.Globalization;

namespace Dvc.Core.Progress;

/// <summary>What <see cref="ProgressReport.Done"/> and <see cref="ProgressReport.Total"/> count.</summary>
internal enum ProgressUnit
{
    /// <summary>No count: the activity has started and its length is unknown.</summary>
    None,
    Bytes,
    Files,
    /// <summary>Whole pieces of work: pushes, pulls, queued experiments ("3 of 8").</summary>
    Items,
}

/// <summary>
/// How far one piece of long work is: hashing a file, checking out a folder, later pushes, pulls and
/// queued experiments. <see cref="Subject"/> names what is worked on (a path, a stage); the same
/// activity and subject are one operation, so a consumer can tell a new operation from an update.
/// </summary>
internal sealed record ProgressReport(string Activity, string Subject, long Done, long Total, ProgressUnit Unit)
{
    /// <summary>The stage the work is for, when stages run at the same time.</summary>
    public string? Stage { get; init; }

    /// <summary>With <see cref="ProgressUnit.Files"/>: the bytes those files held, when counted (transfers).</summary>
    public long? Bytes { get; init; }

    public bool IsSameOperation(ProgressReport other) =>
        Activity == other.Activity && Subject == other.Subject && Stage == other.Stage;

    /// <summary>"Hashing 'data/big.bin': 1.2 GiB of 4.0 GiB (30%)", "Running 'train'".</summary>
    public override string ToString() => Unit == ProgressUnit.None ? $"{Activity} '{Subject}'" : $"{Activity} '{Subject}': {Amount}";

    /// <summary>"1.2 GiB of 4.0 GiB (30%)", "120 of 4000 files (3%)", "120 of 4000 files (3%), 1.2 MiB", "3 of 8".</summary>
    public string Amount => Unit switch
    {
        ProgressUnit.Bytes => $"{Size(Done)} of {Size(Total)}{Percent}",
        ProgressUnit.Files => $"{Done.ToString(CultureInfo.InvariantCulture)} of {Total.ToString(CultureInfo.InvariantCulture)} files{Percent}{(Bytes is { } bytes ? ", " + Size(bytes) : "")}",
        ProgressUnit.Items => $"{Done.ToString(CultureInfo.InvariantCulture)} of {Total.ToString(CultureInfo.InvariantCulture)}",
        _ => "",
    };

    private string Percent => Total > 0 ? $" ({(Done * 100 / Total).ToString(CultureInfo.InvariantCulture)}%)" : "";

    private static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B" : $"{value.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
