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
    /// <param name="cancellation">Ends the wait at once (Ctrl+C): a build must not sit out another
    /// build's half hour after the user gave up on it.</param>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    /// <exception cref="DvcException">DVC1173 after <paramref name="timeout"/>; DVC1209/DVC1210 when the
    /// lock files cannot be written (only contention is waited for: a full disk does not get better).</exception>
    public static BuildLock Acquire(DvcRepository repository, string buildId, TimeSpan timeout, Action<string> waiting, CancellationToken cancellation = default)
    {
        var lockPath = Path.Combine(repository.BuildStateDir, "build.lock");
        var ownerFile = Path.Combine(repository.BuildStateDir, "build.owner");
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            FileStream stream;
            try
            {
                Directory.CreateDirectory(repository.BuildStateDir);
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IoErrors.IsLockContention(e))
            {
                if (HeldBy(ownerFile) == buildId)
                {
                    return new BuildLock(null, null);
                }

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

                cancellation.WaitHandle.WaitOne(100);
                continue;
            }
            catch (IOException e)
            {
                throw IoErrors.ToDvc(e, lockPath);
            }

            return Claim(stream, repository, ownerFile, buildId, deadline, cancellation);
        }
    }

    private static BuildLock Claim(FileStream stream, DvcRepository repository, string ownerFile, string buildId, DateTime deadline, CancellationToken cancellation)
    {
        try
        {
            try
            {
                AtomicFile.WriteAllText(ownerFile, buildId + "\n");
            }
            catch (IOException e)
            {
                throw IoErrors.ToDvc(e, ownerFile);
            }

            // DVC holds .dvc/tmp/lock for a whole command: wait for it once, then let go again.
            using (RepositoryLock.Acquire(repository, TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks)), cancellation))
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
