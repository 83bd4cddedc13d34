using System.Globalization;
using Dvc.Core.Values;

namespace Dvc.Core.Params;

/// <summary>Finds a tracked param the way DVC's <c>dpath.get(config, key, separator=".")</c> does:
/// <c>train.lr</c> walks mappings, a numeric part indexes a list (<c>layers.0</c>).</summary>
internal static class ParamsLookup
{
    public static bool TryGet(PyDict root, string dottedKey, out object? value)
    {
        value = root;
        var start = 0;
        while (true)
        {
            var dot = dottedKey.IndexOf('.', start);
            var part = dot < 0 ? dottedKey.AsSpan(start) : dottedKey.AsSpan(start, dot - start);
            if (!TryStep(value, part, out value))
            {
                value = null;
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            start = dot + 1;
        }
    }

    private static bool TryStep(object? container, ReadOnlySpan<char> part, out object? value)
    {
        switch (container)
        {
            case PyDict dict:
                return dict.TryGetValue(part.ToString(), out value);
            case List<object?> list when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count:
                value = list[index];
                return true;
            default:
                value = null;
                return false;
        }
    }
}
