namespace Dvc.Core.Reporting;

/// <summary>The differing keys of one params or metrics file, in the order they were found.</summary>
public sealed record FileDiff(string Path, IReadOnlyList<DiffEntry> Entries);
