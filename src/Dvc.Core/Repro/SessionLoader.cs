using Dvc.Core.DataSources;

namespace Dvc.Core.Repro;

/// <summary>
/// The build's full session, loaded at most once: by the task that first needs it, or ahead of it on
/// a thread-pool thread once a stage will probably run, so that the load overlaps the rest of
/// planning instead of delaying the first stage.
/// </summary>
internal sealed class SessionLoader : IDisposable
{
    private readonly Lazy<ReproSession> _session;
    private Task? _warmUp;
    private DataSourceSearch? _knownSearch;

    /// <param name="load">Loads the session, with the .dvc-file search's outcome when it is known.</param>
    public SessionLoader(Func<DataSourceSearch?, ReproSession> load) =>
        _session = new Lazy<ReproSession>(() => load(_knownSearch), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A session already loaded (by a full resolve).</summary>
    public static SessionLoader Of(ReproSession session)
    {
        var loader = new SessionLoader(_ => session);
        _ = loader.Load();
        return loader;
    }

    public ReproSession Load() => _session.Value;

    public bool IsLoaded => _session.IsValueCreated;

    /// <summary>
    /// Loads the session and parses its dvc.lock files in the background. A failure is left for the
    /// task that needs the session to report, with its location (the lazy load keeps its exception).
    /// </summary>
    /// <param name="knownSearch">The cached plan's .dvc-file search, its folders found unchanged: the
    /// load skips walking the repository for .dvc files.</param>
    public void StartLoading(DataSourceSearch knownSearch)
    {
        if (_warmUp is not null)
        {
            return;
        }

        _knownSearch = knownSearch;
        _warmUp = Task.Run(() =>
        {
            try
            {
                var session = _session.Value;
                foreach (var stage in session.Plan.DistinctBy(s => s.DvcFile))
                {
                    session.Context.LockEntryOf(stage);
                }
            }
            catch (Exception e) when (e is Dvc.Core.Errors.DvcException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Reported by the task that needs the same session or entry.
            }
        });
    }

    /// <summary>Disposes the session, once any load started ahead has ended.</summary>
    public void Dispose()
    {
        // Waited for (it ends on its own), so that no load outlives the build it was started for.
        ((IAsyncResult?)_warmUp)?.AsyncWaitHandle.WaitOne();
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }
    }
}
