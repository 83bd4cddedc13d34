using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>The loaded pipeline a build reproduces: its context, the planned stage definitions in
/// plan order, the options and the stamps.</summary>
internal sealed class ReproSession : IDisposable
{
    private readonly Dictionary<string, StageDefinition> _byAddressing = new(StringComparer.Ordinal);

    public ReproSession(PipelineContext context, IReadOnlyList<StageDefinition> plan, ReproOptions options)
    {
        Context = context;
        Plan = plan;
        Options = options;
        Stamps = new StageStamps(context);
        Pull = options.Pull ? new Remotes.RemotePull(context, options.PullRemote, options.PullJobs) : null;
        foreach (var stage in plan)
        {
            _byAddressing[stage.Addressing] = stage;
        }
    }

    public PipelineContext Context { get; }

    public IReadOnlyList<StageDefinition> Plan { get; }

    public ReproOptions Options { get; }

    public StageStamps Stamps { get; }

    /// <summary>With <c>Pull</c>: the remote the restore paths fetch from, opened on first use.</summary>
    public Remotes.RemotePull? Pull { get; }

    public StageDefinition Find(string addressing) =>
        _byAddressing.TryGetValue(addressing, out var stage)
            ? stage
            : throw new InvalidOperationException($"stage '{addressing}' is not part of this build's plan");

    public void Dispose()
    {
        Pull?.Dispose();
        Context.Dispose();
    }
}

/// <summary>What happened to one stage in a build.</summary>
internal sealed record StageResult(StageDefinition Stage, StageOutcome Outcome);
