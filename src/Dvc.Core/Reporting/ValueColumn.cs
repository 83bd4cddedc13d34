namespace Dvc.Core.Reporting;

/// <summary>One metric or param column of <c>exp show</c>: the file, the flattened key and the header text.</summary>
internal sealed record ValueColumn(string File, string Key, string Header);
