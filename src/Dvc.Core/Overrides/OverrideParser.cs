using Dvc.Core.Errors;

namespace Dvc.Core.Overrides;

/// <summary>
/// Reads the MSBuild <c>Set</c> property into overrides, with DVC's <c>-S</c> rules: an optional
/// <c>file:</c> prefix, then one Hydra override (<c>key=v</c>, <c>+key=v</c>, <c>++key=v</c>, <c>~key[=v]</c>).
/// </summary>
internal static class OverrideParser
{
    /// <summary>Parses every override in the property; throws on the first bad one, and on any sweep.</summary>
    public static IReadOnlyList<ParamOverride> Parse(string setProperty)
    {
        var overrides = new List<ParamOverride>();
        foreach (var text in OverrideSplitter.Split(setProperty))
        {
            overrides.Add(ParseOne(text));
        }

        return overrides;
    }

    /// <summary>One <c>-S</c> argument, exactly as DVC receives it.</summary>
    public static ParamOverride ParseOne(string argument)
    {
        var (file, line) = SplitFile(argument);
        var (kind, keyEnd, keyStart) = ReadPrefix(line);
        var keyText = line[keyStart..keyEnd];
        var keyPath = OverrideKey.Parse(keyText, line);

        if (keyEnd == line.Length)
        {
            if (kind != OverrideKind.Delete)
            {
                throw SyntaxError($"mismatched input '<EOF>' expecting '='");
            }

            return new ParamOverride(file, kind, keyPath, null, null, line);
        }

        // Hydra's EQUAL token swallows the spaces after '='.
        var valueText = line[(keyEnd + 1)..].TrimStart(' ', '\t');
        (object? Value, SweepKind Sweep) parsed;
        try
        {
            parsed = HydraValueParser.Parse(valueText);
        }
        catch (OverrideSyntaxException e)
        {
            throw SyntaxError(e.Message);
        }

        if (parsed.Sweep != SweepKind.None)
        {
            // DVC checks is_sweep_override() before anything else, so without --queue even glob() gets this message.
            throw new DvcException(DvcErrorCode.SweepWithoutQueue, OverrideMessages.SweepWithoutQueue);
        }

        return new ParamOverride(file, kind, keyPath, parsed.Value, valueText, line);
    }

    /// <summary>DVC: if the text before the first '=' has a ':', the file is everything before the first ':'.</summary>
    private static (string File, string Line) SplitFile(string argument)
    {
        var equals = argument.IndexOf('=');
        var head = equals < 0 ? argument : argument[..equals];
        var colon = head.IndexOf(':');
        return colon < 0
            ? (ParamOverride.DefaultFile, argument)
            : (argument[..colon].Replace('\\', '/'), argument[(colon + 1)..]);
    }

    private static (OverrideKind Kind, int KeyEnd, int KeyStart) ReadPrefix(string line)
    {
        var (kind, start) = line switch
        {
            _ when line.StartsWith("++", StringComparison.Ordinal) => (OverrideKind.ForceAdd, 2),
            _ when line.StartsWith('+') => (OverrideKind.Add, 1),
            _ when line.StartsWith('~') => (OverrideKind.Delete, 1),
            _ => (OverrideKind.Set, 0),
        };
        var equals = line.IndexOf('=', start);
        return (kind, equals < 0 ? line.Length : equals, start);
    }

    internal static DvcException SyntaxError(string antlrMessage) =>
        new(DvcErrorCode.OverrideSyntax, OverrideMessages.Syntax(antlrMessage));
}
