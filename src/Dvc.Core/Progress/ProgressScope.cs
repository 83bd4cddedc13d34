namespace Dvc.Core.Progress;

/// <summary>
/// Where the code deep below a stage (hashing, checkout) reports progress: the stage's own log, set
/// for the stage's thread and whatever it starts (an <see cref="AsyncLocal{T}"/> flows into tasks).
/// Ambient rather than a parameter because the hashing and cache layers are shared by every stage
/// running at once, and know nothing of stages or logs; without a scope reports go nowhere.
/// </summary>
internal static class ProgressScope
{
    private static readonly AsyncLocal<Action<ProgressReport>?> CurrentSink = new();

    /// <summary>True when someone listens: lets a loop skip building reports nobody reads.</summary>
    public static bool IsListening => CurrentSink.Value is not null;

    public static void Report(ProgressReport report) => CurrentSink.Value?.Invoke(report);

    /// <summary>Sends reports to <paramref name="sink"/> until the returned scope is disposed.</summary>
    public static IDisposable Enter(Action<ProgressReport> sink)
    {
        var previous = CurrentSink.Value;
        CurrentSink.Value = sink;
        return new Scope(previous);
    }

    private sealed class Scope(Action<ProgressReport>? previous) : IDisposable
    {
        public void Dispose() => CurrentSink.Value = previous;
    }
}
