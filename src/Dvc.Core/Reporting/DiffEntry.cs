namespace Dvc.Core.Reporting;

/// <summary>One changed (or, with <c>--all</c>, unchanged) key: old and new values, and new − old when both are numbers.</summary>
internal sealed record DiffEntry(string Key, object? Old, object? New, bool HasChange, object? Change);
