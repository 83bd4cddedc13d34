using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>
/// Python's <c>==</c> on params values: numbers compare by value across int/float/bool
/// (<c>1 == 1.0 == True</c>), dicts ignore key order, lists compare item by item.
/// </summary>
internal static class PyValueComparer
{
    public static bool Equal(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return NumbersEqual(a!, b!);
        }

        return (a, b) switch
        {
            (null, null) => true,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (IList<object?> x, IList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
            (PyDict x, PyDict y) => x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && Equal(kv.Value, other)),
            _ => false,
        };
    }

    private static bool IsNumber(object? value) => value is bool or long or BigInteger or double;

    private static bool NumbersEqual(object a, object b)
    {
        if (a is double || b is double)
        {
            return ToDouble(a) == ToDouble(b);
        }

        return ToBig(a) == ToBig(b);
    }

    private static double ToDouble(object n) => n switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        BigInteger big => (double)big,
        _ => (double)n,
    };

    private static BigInteger ToBig(object n) => n switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        _ => (BigInteger)n,
    };
}
