namespace Dvc.Core.Reporting;

/// <summary>A stage output as recorded in dvc.lock; only <c>exp show --json</c> prints these.</summary>
internal sealed record OutputEntry(string Path, string? Hash, long? Size, long? FileCount, bool UseCache, bool IsDataSource);
