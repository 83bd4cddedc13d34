namespace Dvc.Core.Overrides;

/// <summary>
/// A grammar error inside one override, carrying the text ANTLR would report (without Hydra's
/// "See https://hydra.cc/..." trailer, which <see cref="OverrideMessages"/> adds).
/// </summary>
internal sealed class OverrideSyntaxException(string message) : Exception(message);
