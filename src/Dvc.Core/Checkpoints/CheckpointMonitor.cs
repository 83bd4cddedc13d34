using Dvc.Core.Errors;

namespace Dvc.Core.Checkpoints;

/// <summary>
/// Watches for the checkpoint signal while a checkpoint stage's command runs: each time the file
/// appears the registration runs, then the file is deleted so the command continues (DVC 2's
/// CheckpointSignalHandler). A file-system watcher wakes it at once; a short poll covers the file
/// systems where watchers miss events (network mounts, some containers). A registration that fails
/// stops the command: going on would train past a checkpoint that was never kept.
/// </summary>
internal sealed class CheckpointMonitor : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly string _signalPath;
    private readonly Action _register;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _command;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly FileSystemWatcher? _watcher;
    private readonly Task _loop;
    private Exception? _failure;

    /// <param name="register">Runs on the monitor's thread while the command waits.</param>
    /// <param name="cancellation">The build's cancellation; <see cref="CommandCancellation"/> also fires on a failed registration.</param>
    public CheckpointMonitor(string signalPath, Action register, CancellationToken cancellation)
    {
        _signalPath = signalPath;
        _register = register;
        _command = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var directory = Path.GetDirectoryName(signalPath)!;
        Directory.CreateDirectory(directory);

        // A signal left by a killed run belongs to no command of this one.
        File.Delete(signalPath);
        try
        {
            _watcher = new FileSystemWatcher(directory, CheckpointSignal.FileName) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
            _watcher.Created += (_, _) => Wake();
            _watcher.Renamed += (_, _) => Wake();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
        {
            // No watcher (inotify limit reached): the poll alone still finds the signal.
            _watcher = null;
        }

        _loop = Task.Run(LoopAsync);
    }

    /// <summary>What the command runs under: the build's cancellation, or a failed registration.</summary>
    public CancellationToken CommandCancellation => _command.Token;

    public int Registered { get; private set; }

    /// <summary>
    /// After the command ended: a registration still running completes, a signal written just
    /// before the end is still honoured, then a failed registration is thrown.
    /// </summary>
    public void Complete()
    {
        Wake();
        _stop.Cancel();
        _loop.GetAwaiter().GetResult();
        if (_failure is not null)
        {
            throw _failure as DvcException ?? new DvcException(DvcErrorCode.CheckpointFailed, $"failed to register a checkpoint: {_failure.Message}", inner: _failure);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            try
            {
                _loop.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
        }

        _command.Dispose();
        _stop.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            var stopping = _stop.IsCancellationRequested;
            if (_failure is null && File.Exists(_signalPath))
            {
                try
                {
                    _register();
                    Registered++;
                }
                catch (Exception e)
                {
                    _failure = e;
                    await _command.CancelAsync().ConfigureAwait(false);
                }
                finally
                {
                    // Removing the file is what lets the command go on (or, after a failure, end).
                    File.Delete(_signalPath);
                }
            }

            if (stopping)
            {
                return;
            }

            try
            {
                await _wake.WaitAsync(PollInterval, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // One more look: a signal written just before the command ended is still a checkpoint.
            }
        }
    }
}
