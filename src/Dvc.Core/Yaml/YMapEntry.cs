using Dvc.Core.Errors;

namespace Dvc.Core.Yaml;

/// <param name="Key">The key as text: DVC only ever addresses mappings by string keys.</param>
/// <param name="KeyLocation">Where the key itself is written (unknown-key errors point here).</param>
public sealed record YMapEntry(string Key, SourceLocation KeyLocation, YNode Value);
