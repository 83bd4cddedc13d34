using Dvc.Core.Repro;
using Dvc.Core.Repro.Parallel;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Keeps the build's ReproSession between the tasks of one build (resolve → stages → summary)
/// with MSBuild's build-scoped task objects: never a static, because nodes are reused. Task
/// objects are per node, so a parallel build also registers the session under its build id, and a
/// node that did not plan the build loads its own session once from the dispatch manifest.
/// </summary>
internal static class SessionRegistry
{
    private static readonly object LoadGate = new();

    private static string Key(string projectDirectory) => "Dvc.Build.ReproSession|" + Path.GetFullPath(projectDirectory);

    private static string BuildKey(string buildId) => "Dvc.Build.ReproSession.Build|" + buildId;

    public static void Register(IBuildEngine engine, string projectDirectory, ReproSession session)
    {
        var engine4 = (IBuildEngine4)engine;
        if (engine4.UnregisterTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) is IDisposable previous)
        {
            previous.Dispose();
        }

        engine4.RegisterTaskObject(Key(projectDirectory), session, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    /// <summary>The entry node's stage instances reuse the session that planned the build.</summary>
    public static void RegisterForBuild(IBuildEngine engine, string buildId, ReproSession session) =>
        ((IBuildEngine4)engine).RegisterTaskObject(BuildKey(buildId), new Borrowed(session), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);

    public static ReproSession Get(IBuildEngine engine, string projectDirectory) =>
        ((IBuildEngine4)engine).GetRegisteredTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) as ReproSession
        ?? throw new InvalidOperationException("the pipeline was not resolved in this build (the _DvcResolvePipeline target did not run)");

    public static ReproSession ForBuild(IBuildEngine engine, string buildId, string manifestPath)
    {
        var engine4 = (IBuildEngine4)engine;

        // Stage instances on one node may ask at the same moment; the pipeline is loaded once.
        lock (LoadGate)
        {
            switch (engine4.GetRegisteredTaskObject(BuildKey(buildId), RegisteredTaskObjectLifetime.Build))
            {
                case Borrowed borrowed:
                    return borrowed.Session;
                case ReproSession loaded:
                    return loaded;
            }

            var session = ParallelDispatch.Read(manifestPath).LoadSession();
            engine4.RegisterTaskObject(BuildKey(buildId), session, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            return session;
        }
    }

    /// <summary>Not disposable, so the end of the build disposes the entry session only once, under its own key.</summary>
    private sealed record Borrowed(ReproSession Session);
}
