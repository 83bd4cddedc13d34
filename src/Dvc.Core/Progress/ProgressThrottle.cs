namespace Dvc.Core.Progress;

/// <summary>
/// Decides which progress reports are worth showing. A status line takes frequent updates; a
/// console log (CI) gets a line only for an operation that has already lasted
/// <see cref="FirstAfter"/>, and then at most one every <see cref="Every"/>, so short work prints
/// nothing and long work a few lines. With no <see cref="FirstAfter"/> (a status line) a new
/// operation shows at once, so the line never keeps describing work that is over. The clock is injected, so the rules are tested without waiting.
/// </summary>
internal sealed class ProgressThrottle
{
    private readonly Func<TimeSpan> _now;
    private readonly object _gate = new();
    private ProgressReport? _operation;
    private TimeSpan _operationStart;
    private TimeSpan? _lastShown;

    public ProgressThrottle(TimeSpan firstAfter, TimeSpan every, Func<TimeSpan> now)
    {
        FirstAfter = firstAfter;
        Every = every;
        _now = now;
    }

    public TimeSpan FirstAfter { get; }

    public TimeSpan Every { get; }

    /// <summary>For a console log: the first line after 5 s of one operation, then one every 5 s.</summary>
    public static ProgressThrottle ForLog() => new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), StopwatchClock());

    /// <summary>
    /// For a console log of a transfer (push, pull, fetch): many small files move in a second, so a
    /// line once a second after the first second says more than one every 5 s, and a transfer over
    /// in under a second prints none.
    /// </summary>
    public static ProgressThrottle ForTransferLog() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), StopwatchClock());

    /// <summary>For a status line: every update, at most four a second.</summary>
    public static ProgressThrottle ForStatusLine() => new(TimeSpan.Zero, TimeSpan.FromMilliseconds(250), StopwatchClock());

    /// <returns>True if <paramref name="report"/> should be shown now.</returns>
    public bool ShouldShow(ProgressReport report)
    {
        lock (_gate)
        {
            var now = _now();
            var isNew = _operation is null || !_operation.IsSameOperation(report);
            if (isNew)
            {
                _operation = report;
                _operationStart = now;
            }

            if (now - _operationStart < FirstAfter)
            {
                return false;
            }

            var showsAtOnce = isNew && FirstAfter == TimeSpan.Zero;
            if (!showsAtOnce && _lastShown is { } last && now - last < Every)
            {
                return false;
            }

            _lastShown = now;
            return true;
        }
    }

    private static Func<TimeSpan> StopwatchClock()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return () => clock.Elapsed;
    }
}
