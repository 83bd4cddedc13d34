namespace Dvc.Core.Overrides;

/// <summary>
/// DVC's exact texts for <c>-S</c> failures (case 06 steps 78-88), so users can search them.
/// Hydra's own errors are wrapped by DVC in "Invalid `--set-param` value: ..." with the OmegaConf
/// cause appended after ": ".
/// </summary>
internal static class OverrideMessages
{
    private const string InvalidSetParam = "Invalid `--set-param` value: ";

    public const string SweepWithoutQueue = "Sweep overrides can't be used without `--queue`";

    public static string Syntax(string antlrMessage) =>
        $"unexpected error - {antlrMessage}\nSee https://hydra.cc/docs/1.2/advanced/override_grammar/basic for details";

    public static string Glob(string inputLine) => $"Glob override '{inputLine}' is not supported.";

    /// <param name="missingKey">The first path segment that is absent, as OmegaConf names it.</param>
    /// <param name="fullKey">The path down to and including that segment.</param>
    public static string KeyMissing(ParamOverride o, string missingKey, string fullKey) =>
        $"{InvalidSetParam}Could not override '{o.Key}'.\nTo append to your config use +{o.InputLine}: " +
        $"Key '{missingKey}' is not in struct\n    full_key: {fullKey}\n    object_type=dict";

    public static string KeyExists(ParamOverride o) =>
        $"{InvalidSetParam}Could not append to config. An item is already at '{o.Key}'.\n" +
        $"Either remove + prefix: '{o.InputLine[1..]}'\n" +
        $"Or add a second + to add or override '{o.Key}': '+{o.InputLine}'\n";

    public static string DeleteMissing(ParamOverride o) =>
        $"{InvalidSetParam}Could not delete from config. '{o.Key}' does not exist.";

    public static string DeleteMismatch(ParamOverride o, object? current) =>
        $"{InvalidSetParam}Could not delete from config. The value of '{o.Key}' is {PyValueText.Str(current)} and not {PyValueText.Str(o.Value)}.";

    public static string MergeFailed(ParamOverride o) => $"{InvalidSetParam}Error merging override {o.InputLine}";

    public static string UnsupportedFile(string file) =>
        $"'{file}': only YAML (.yaml, .yml) and JSON (.json) params files can be changed with Set overrides";
}
