using System.Diagnostics;
using System.Text;
using Dvc.Core.Errors;

namespace Dvc.Core.Git;

/// <summary>
/// Serves <c>&lt;rev&gt;:&lt;path&gt;</c> file contents through one long-lived
/// <c>git cat-file --batch</c> process, so reading a few files from each of a hundred commits costs
/// one process start instead of hundreds. Not thread-safe: requests are answered in order.
/// </summary>
internal sealed class GitBlobReader : IDisposable
{
    private readonly Process _process;
    private readonly Stream _output;
    private readonly StreamWriter _input;

    public GitBlobReader(string gitRoot)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = gitRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("cat-file");
        psi.ArgumentList.Add("--batch");
        try
        {
            _process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DvcException(DvcErrorCode.GitFailed, "git was not found on PATH; Dvc.Build needs the git command line.", inner: e);
        }

        // Drain stderr so a chatty git cannot block on a full pipe.
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        // Buffered: the reply headers are read byte by byte, and a pipe read is a system call.
        _output = new BufferedStream(_process.StandardOutput.BaseStream, 1 << 16);
        _input = new StreamWriter(_process.StandardInput.BaseStream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = false };
    }

    /// <summary>The blob's bytes, or null when the revision has no such file (or it is not a file).</summary>
    public byte[]? TryReadBytes(string rev, string gitPath)
    {
        if (gitPath.Contains('\n') || rev.Contains('\n'))
        {
            return null;
        }

        _input.Write(rev + ":" + gitPath + "\n");
        _input.Flush();
        return ReadReply();
    }

    private byte[]? ReadReply()
    {
        var header = ReadLine();
        var parts = header.Split(' ');
        if (parts.Length != 3)
        {
            // "<name> missing" or "<name> ambiguous": nothing follows the header.
            return null;
        }

        var size = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var content = new byte[size];
        _output.ReadExactly(content);
        _output.ReadExactly(new byte[1]);
        return parts[1] == "blob" ? content : null;
    }

    /// <summary>
    /// Many blobs in one exchange: every request is written (from another thread, so a full pipe
    /// cannot block either side) while the replies are read in order. A round trip per blob costs
    /// more than reading it; exp show reads hundreds.
    /// </summary>
    public IReadOnlyList<string?> TryReadTexts(IReadOnlyList<(string Rev, string GitPath)> requests)
    {
        var valid = requests.Select(r => !r.GitPath.Contains('\n') && !r.Rev.Contains('\n')).ToArray();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < requests.Count; i++)
            {
                if (valid[i])
                {
                    _input.Write(requests[i].Rev + ":" + requests[i].GitPath + "\n");
                }
            }

            _input.Flush();
        });
        var texts = new string?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            texts[i] = valid[i] && ReadReply() is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        }

        writer.GetAwaiter().GetResult();
        return texts;
    }

    public string? TryReadText(string rev, string gitPath) =>
        TryReadBytes(rev, gitPath) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    private string ReadLine()
    {
        var bytes = new List<byte>(64);
        while (true)
        {
            var b = _output.ReadByte();
            if (b < 0)
            {
                throw new DvcException(DvcErrorCode.GitObjectReadFailed, "git cat-file --batch stopped unexpectedly");
            }

            if (b == '\n')
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            bytes.Add((byte)b);
        }
    }

    public void Dispose()
    {
        try
        {
            _input.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
