using System.Globalization;
using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>Hydra's non-sweep grammar functions that turn one value into another: <c>int()</c>, <c>float()</c>, <c>str()</c>, <c>bool()</c>.</summary>
internal static class HydraCast
{
    public static object? Apply(string name, IReadOnlyList<object?> args, string callText)
    {
        if (args.Count != 1)
        {
            throw new OverrideSyntaxException($"TypeError while evaluating '{callText}': {name}() takes exactly one argument");
        }

        try
        {
            return name switch
            {
                "str" => ToStr(args[0]),
                "int" => ToInt(args[0]),
                "float" => ToFloat(args[0]),
                "bool" => ToBool(args[0]),
                _ => throw new OverrideSyntaxException($"HydraException while evaluating '{callText}': Unknown function '{name}'"),
            };
        }
        catch (FormatException e)
        {
            throw new OverrideSyntaxException($"ValueError while evaluating '{callText}': {e.Message}");
        }
    }

    private static string ToStr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => PyFloat.Repr(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object ToInt(object? value) => value switch
    {
        long or System.Numerics.BigInteger => value,
        bool b => b ? 1L : 0L,
        double d => (long)Math.Truncate(d),
        string s => long.Parse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"cannot convert {ToStr(value)} to int"),
    };

    private static double ToFloat(object? value) => value switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        string s => double.Parse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"cannot convert {ToStr(value)} to float"),
    };

    private static bool ToBool(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new FormatException($"cannot convert {ToStr(value)} to bool"),
    };
}
