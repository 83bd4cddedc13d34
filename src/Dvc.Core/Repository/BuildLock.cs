using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Repository;

/// <summary>
/// Serializes whole builds of one repository: held from pipeline resolution to the end of the build,
/// so two builds never interleave their stages. Re-entrant by build id, because one build's stages may
/// run on several MSBuild nodes (processes) that each ask for it. Before a build proceeds it also waits
/// for DVC's own <c>.dvc/tmp/lock</c>, so a running <c>dvc</c> command is never overlapped.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream? _stream;
    private readonly string? _ownerFile;

    private BuildLock(FileStream? stream, string? ownerFile)
    {
        _stream = stream;
        _ownerFile = ownerFile;
    }

    /// <summary>False when another part of the same build already holds the lock.</summary>
    public bool Owns => _stream is not null;

    /// <param name="buildId">Identifies one build; every task of that build passes the same id.</param>
    /// <param name="waiting">Told once, when the lock is busy and the build starts waiting.</param>
    public static BuildLock Acquire(DvcRepository repository, string buildId, TimeSpan timeout, Action<string> waiting)
    {
        Directory.CreateDirectory(repository.BuildStateDir);
        var lockPath = Path.Combine(repository.BuildStateDir, "build.lock");
        var ownerFile = Path.Combine(repository.BuildStateDir, "build.owner");
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return Claim(stream, repository, ownerFile, buildId, deadline);
            }
            catch (IOException) when (HeldBy(ownerFile) == buildId)
            {
                return new BuildLock(null, null);
            }
            catch (IOException e)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new DvcException(
                        DvcErrorCode.BuildLockTimeout,
                        $"Unable to acquire lock. Another build of this repository did not finish within {timeout.TotalMinutes:0} minutes ('{lockPath}').",
                        inner: e);
                }

                if (!told)
                {
                    waiting($"Waiting for another build of this repository to finish ('{lockPath}')");
                    told = true;
                }

                Thread.Sleep(100);
            }
        }
    }

    private static BuildLock Claim(FileStream stream, DvcRepository repository, string ownerFile, string buildId, DateTime deadline)
    {
        try
        {
            AtomicFile.WriteAllText(ownerFile, buildId + "\n");
            // DVC holds .dvc/tmp/lock for a whole command: wait for it once, then let go again.
            using (RepositoryLock.Acquire(repository, TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks))))
            {
            }

            return new BuildLock(stream, ownerFile);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static string? HeldBy(string ownerFile)
    {
        try
        {
            return File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_stream is null)
        {
            return;
        }

        try
        {
            File.Delete(_ownerFile!);
        }
        catch (IOException)
        {
        }

        _stream.Dispose();
    }
}
