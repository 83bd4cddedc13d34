namespace Dvc.Core.Reporting;

/// <summary>The differing keys of one params or metrics file, in the order they were found.</summary>
internal sealed record FileDiff(string Path, IReadOnlyList<DiffEntry> Entries);
