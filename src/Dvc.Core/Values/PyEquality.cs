using System.Numerics;

namespace Dvc.Core.Values;

/// <summary>
/// Python's <c>==</c> over Python values: numbers compare by value across bool, int and float
/// (<c>1 == 1.0 == True</c>), dicts ignore key order, lists compare element-wise. DVC decides
/// "param changed" and "lock entry changed" with it, so <c>3 → 3.0</c> is not a change.
/// </summary>
internal static class PyEquality
{
    public static bool AreEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is string sa)
        {
            return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
        }

        if (a is PyDict da)
        {
            return b is PyDict db && MapsEqual(da, db);
        }

        if (a is IList<object?> la)
        {
            return b is IList<object?> lb && ListsEqual(la, lb);
        }

        return NumbersEqual(a, b);
    }

    private static bool MapsEqual(PyDict a, PyDict b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !AreEqual(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ListsEqual(IList<object?> a, IList<object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NumbersEqual(object a, object b)
    {
        if (a is double || b is double)
        {
            if (a is double da && b is double db)
            {
                return da == db;
            }

            var (d, other) = a is double ad ? (ad, b) : ((double)b, a);
            return ToInteger(other) is { } integer && double.IsFinite(d) && Math.Floor(d) == d && new BigInteger(d) == integer;
        }

        return ToInteger(a) is { } ia && ToInteger(b) is { } ib && ia == ib;
    }

    private static BigInteger? ToInteger(object value) => value switch
    {
        bool flag => flag ? BigInteger.One : BigInteger.Zero,
        long l => l,
        int i => i,
        BigInteger big => big,
        _ => null,
    };
}
