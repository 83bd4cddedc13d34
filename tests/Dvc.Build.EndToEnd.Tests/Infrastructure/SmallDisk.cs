namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>A 1 MiB tmpfs mounted for a test (mounting needs root; elsewhere the test is inconclusive).</summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dvcbuild-e2e-disk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        var mount = ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", path], "/");
        if (mount.ExitCode != 0)
        {
            Directory.Delete(path);
            Assert.Inconclusive("a 1 MiB tmpfs could not be mounted (mounting needs root): " + mount.Output);
        }

        return new SmallDisk(path);
    }

    /// <summary>Fills the file system up to <paramref name="leaveKiB"/> free.</summary>
    public void Fill(int leaveKiB)
    {
        var free = new DriveInfo(Path).AvailableFreeSpace;
        var size = Math.Max(0, free - leaveKiB * 1024L);
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        var chunk = new byte[4096];
        try
        {
            for (long written = 0; written < size; written += chunk.Length)
            {
                filler.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
            }

            filler.Flush();
        }
        catch (IOException) when (leaveKiB == 0)
        {
            // Full: what was asked for.
        }
    }

    public void Dispose()
    {
        ProcessRunner.Run("umount", ["-l", Path], "/");
        Directory.Delete(Path, recursive: true);
    }
}
