using Dvc.Core.Errors;

namespace Dvc.Core.Yaml;

/// <param name="Key">The key as text: DVC only ever addresses mappings by string keys.</param>
/// <param name="KeyLocation">Where the key itself is written (unknown-key errors point here).</param>
/// <param name="KeyOffset">Character offset of the key in the text it was read from, where dvc.lock cuts
/// out an entry's original text; 0 for entries computed by templating.</param>
internal sealed record YMapEntry(string Key, SourceLocation KeyLocation, YNode Value, int KeyOffset = 0);
