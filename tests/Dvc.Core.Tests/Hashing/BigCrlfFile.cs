using System.Text;

namespace Dvc.Core.Tests.Hashing;

/// <summary>Writes the same bytes as the fixtures' make_big.py (a CR LF pair straddling the 1 MiB
/// chunk boundary), so tests need no Python.</summary>
internal static class BigCrlfFile
{
    public static byte[] Bytes()
    {
        const int chunk = 1 << 20;
        var text = new StringBuilder();
        for (var i = 0; ; i++)
        {
            var line = $"row {i:D7} {string.Concat(Enumerable.Repeat("abcdefghij", 4))}\r\n";
            if (text.Length + line.Length > chunk - 1)
            {
                break;
            }

            text.Append(line);
        }

        text.Append('f', chunk - 1 - text.Length).Append("\r\n");
        for (var j = 0; j < 3000; j++)
        {
            text.Append($"tail {j:D5}\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
