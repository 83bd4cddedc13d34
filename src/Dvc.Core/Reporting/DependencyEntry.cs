namespace Dvc.Core.Reporting;

/// <summary>A non-params stage dependency as recorded in dvc.lock (hash null when not recorded).</summary>
internal sealed record DependencyEntry(string Path, string? Hash, long? Size, long? FileCount);
