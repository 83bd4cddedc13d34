namespace Dvc.Core.Repro;

/// <summary>A plan with what executing it needs: the options it was planned with, and the loaded
/// pipeline (the session), which a reused plan loads only once a stage is visited.</summary>
internal sealed class PlannedBuild : IDisposable
{
    private readonly SessionLoader _session;
    private readonly Action<ReproSession>? _afterExecution;

    /// <param name="explanation">How the plan was made ("resolved: …", "reused: …"), for detailed logs.</param>
    /// <param name="afterExecution">Called with the session once the plan was executed, if it was loaded.</param>
    public PlannedBuild(Plan plan, ReproOptions options, SessionLoader session, string explanation, Action<ReproSession>? afterExecution = null)
    {
        Plan = plan;
        Options = options;
        _session = session;
        Explanation = explanation;
        _afterExecution = afterExecution;
    }

    public Plan Plan { get; }

    public ReproOptions Options { get; }

    public string Explanation { get; }

    /// <summary>The loaded pipeline, loaded now if it was not yet.</summary>
    public ReproSession Session => _session.Load();

    /// <summary>The plan was executed (run, or questioned): lets the plan cache learn what the build wrote.</summary>
    public void Executed()
    {
        if (_session.IsLoaded)
        {
            _afterExecution?.Invoke(_session.Load());
        }
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>Turns a request into a plan.</summary>
internal interface IPlanner
{
    PlannedBuild Plan(PlanRequest request, ReproOptions options);
}
