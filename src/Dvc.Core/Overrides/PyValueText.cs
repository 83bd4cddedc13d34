using System.Globalization;
using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>Python's <c>str()</c> of a value, as Hydra/OmegaConf messages print it.</summary>
internal static class PyValueText
{
    public static string Str(object? value) => value switch
    {
        string s => s,
        _ => Repr(value),
    };

    private static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => PyFloat.Repr(d),
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        IList<object?> list => "[" + string.Join(", ", list.Select(Repr)) + "]",
        PyDict dict => "{" + string.Join(", ", dict.Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
