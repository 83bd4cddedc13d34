namespace Dvc.Core.Values;

/// <summary>
/// Python's <c>str</c> ordering: by Unicode code point. Ordinal UTF-16 comparison differs from it only
/// when a surrogate (an astral character) meets a BMP character in U+E000..U+FFFF, and DVC sorts
/// paths, params keys and JSON keys this way, so hashes and file layouts depend on it.
/// </summary>
internal sealed class PyStringComparer : IComparer<string>
{
    public static readonly PyStringComparer Instance = new();

    private PyStringComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return CodePointRank(a) - CodePointRank(b);
            }
        }

        return x.Length - y.Length;
    }

    /// <summary>Moves surrogates above U+FFFF so that UTF-16 units compare like the code points they encode.</summary>
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
