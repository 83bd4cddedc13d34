using System.Numerics;

namespace Dvc.Core.Values;

/// <summary>Python's <c>==</c> on Python values, which DVC uses to decide whether a param changed:
/// <c>1 == 1.0 == True</c>, lists compare item by item, dicts ignore key order.</summary>
public static class PyEquality
{
    public static bool AreEqual(object? a, object? b)
    {
        switch (a)
        {
            case null:
                return b is null;
            case string s:
                return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case List<object?> left:
                if (b is not List<object?> right || left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!AreEqual(left[i], right[i]))
                    {
                        return false;
                    }
                }

                return true;
            case PyDict leftDict:
                if (b is not PyDict rightDict || leftDict.Count != rightDict.Count)
                {
                    return false;
                }

                foreach (var (key, value) in leftDict)
                {
                    if (!rightDict.TryGetValue(key, out var other) || !AreEqual(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return NumbersEqual(a, b);
        }
    }

    private static bool NumbersEqual(object a, object? b)
    {
        if (b is null || !TryNumber(a, out var x, out var xd) || !TryNumber(b, out var y, out var yd))
        {
            return Equals(a, b);
        }

        if (xd is null && yd is null)
        {
            return x == y;
        }

        // A float equals an integer only when it is integral and the same exact value.
        var d = xd ?? yd!.Value;
        var i = xd is null ? x : y;
        if (xd is not null && yd is not null)
        {
            return xd.Value == yd.Value;
        }

        return double.IsFinite(d) && Math.Floor(d) == d && new BigInteger(d) == i;
    }

    private static bool TryNumber(object value, out BigInteger integer, out double? real)
    {
        integer = default;
        real = null;
        switch (value)
        {
            case bool b:
                integer = b ? BigInteger.One : BigInteger.Zero;
                return true;
            case long l:
                integer = l;
                return true;
            case int n:
                integer = n;
                return true;
            case BigInteger big:
                integer = big;
                return true;
            case double d:
                real = d;
                return true;
            default:
                return false;
        }
    }
}
