namespace Dvc.Core.Hashing;

/// <summary>
/// Orders strings by Unicode code point, as Python sorts <c>str</c>. Ordinal UTF-16 order differs for
/// characters above U+FFFF (surrogates) versus U+E000–U+FFFF, which changes .dir hashes.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var common = Math.Min(x.Length, y.Length);
        var mismatch = x.AsSpan(0, common).CommonPrefixLength(y.AsSpan(0, common));
        if (mismatch == common)
        {
            return x.Length.CompareTo(y.Length);
        }

        return Weight(x[mismatch]).CompareTo(Weight(y[mismatch]));
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF, so they must sort after U+E000–U+FFFF.
    private static int Weight(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
