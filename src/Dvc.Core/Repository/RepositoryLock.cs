using Dvc.Core.Errors;

namespace Dvc.Core.Repository;

/// <summary>
/// DVC's repository lock, <c>.dvc/tmp/lock</c>. .NET opens it with an exclusive flock on Unix,
/// the same lock zc.lockfile takes in DVC, so Dvc.Build and DVC never write dvc.lock, the cache
/// or the run-cache at the same time. Like DVC, it is held around bookkeeping and released while a
/// stage command runs.
/// </summary>
public sealed class RepositoryLock : IDisposable
{
    private readonly FileStream _stream;

    private RepositoryLock(FileStream stream) => _stream = stream;

    public static RepositoryLock Acquire(DvcRepository repository, TimeSpan timeout)
    {
        Directory.CreateDirectory(repository.TmpDir);
        var path = Path.Combine(repository.TmpDir, "lock");
        var deadline = DateTime.UtcNow + timeout;
        var delay = 10;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new RepositoryLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 200);
            }
            catch (IOException e)
            {
                throw new DvcException(
                    DvcErrorCode.RepositoryLocked,
                    $"Unable to acquire lock. Most likely another DVC process or build is running on this repository ('{path}').",
                    inner: e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
