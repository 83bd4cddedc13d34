namespace Dvc.Core.Hashing;

/// <summary>
/// DVC's <c>istextblock</c> heuristic: decides per 1 MiB chunk whether md5-dos2unix converts line
/// endings, and whether a metrics file is text. It must give exactly DVC's answer, including the
/// float comparison at the 30 % threshold, or legacy hashes drift.
/// </summary>
internal static class TextBlock
{
    /// <summary>DVC looks at this many leading bytes of a block.</summary>
    public const int SampleSize = 512;

    public static bool IsText(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty)
        {
            return true;
        }

        if (block.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var nonText = 0;
        foreach (var b in block)
        {
            if (!IsTextByte(b))
            {
                nonText++;
            }
        }

        // Same IEEE division and literal as Python's `float(len(nontext)) / len(block) <= 0.30`.
        return (double)nonText / block.Length <= 0.30;
    }

    private static bool IsTextByte(byte b) =>
        b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or (byte)'\b';
}
