namespace Dvc.Core.Errors;

/// <summary>A position in a user's file, 1-based, as MSBuild's canonical error format wants it.</summary>
/// <param name="File">Absolute path, so that IDEs can navigate to it.</param>
internal sealed record SourceLocation(string File, int Line = 0, int Column = 0);
