using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Keeps the build's plan and stage outcomes for the tasks after Repro (ExpRun's commit) with
/// MSBuild's build-scoped task objects: never a static, because nodes are reused. MSBuild disposes
/// them when the build ends.
/// </summary>
internal static class ReproRegistry
{
    private static string Key(string projectDirectory) => "Dvc.Build.Repro|" + Path.GetFullPath(projectDirectory);

    public static void Register(IBuildEngine engine, string projectDirectory, PlannedBuild build)
    {
        var engine4 = (IBuildEngine4)engine;
        if (engine4.UnregisterTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) is IDisposable previous)
        {
            previous.Dispose();
        }

        engine4.RegisterTaskObject(Key(projectDirectory), new ReproRun(build), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    public static void SetOutcomes(IBuildEngine engine, string projectDirectory, IReadOnlyList<StageOutcome> outcomes) => Get(engine, projectDirectory).Outcomes = outcomes;

    public static ReproRun Get(IBuildEngine engine, string projectDirectory) =>
        ((IBuildEngine4)engine).GetRegisteredTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) as ReproRun
        ?? throw new InvalidOperationException("the pipeline was not reproduced in this build (the DvcRepro target did not run)");
}

/// <summary>One Repro of this build: its plan, and what happened to each planned stage.</summary>
internal sealed class ReproRun : IDisposable
{
    public ReproRun(PlannedBuild build) => Build = build;

    public PlannedBuild Build { get; }

    /// <summary>In plan order; empty until the plan was executed.</summary>
    public IReadOnlyList<StageOutcome> Outcomes { get; set; } = Array.Empty<StageOutcome>();

    /// <summary>Each executed stage's outcome with its definition (this loads the pipeline if the
    /// build did not need to).</summary>
    public IReadOnlyList<StageResult> Results()
    {
        var session = Build.Session;
        return Outcomes.Select((outcome, i) => new StageResult(session.Find(Build.Plan.Stages[i].Addressing), outcome)).ToList();
    }

    public void Dispose() => Build.Dispose();
}
