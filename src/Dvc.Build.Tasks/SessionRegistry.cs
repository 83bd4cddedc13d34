using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Keeps the build's ReproSession between the tasks of one build (resolve → stages → summary)
/// with MSBuild's build-scoped task objects: never a static, because nodes are reused.
/// </summary>
internal static class SessionRegistry
{
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

    /// <summary>Nothing reads this any more (parallel stages run in the planning task's process and
    /// take the session from <see cref="Get"/>); kept only while DvcResolvePipeline still calls it.</summary>
    public static void RegisterForBuild(IBuildEngine engine, string buildId, ReproSession session) =>
        ((IBuildEngine4)engine).RegisterTaskObject(BuildKey(buildId), new Borrowed(session), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);

    public static ReproSession Get(IBuildEngine engine, string projectDirectory) =>
        ((IBuildEngine4)engine).GetRegisteredTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) as ReproSession
        ?? throw new InvalidOperationException("the pipeline was not resolved in this build (the _DvcResolvePipeline target did not run)");

    /// <summary>Not disposable, so the end of the build disposes the entry session only once, under its own key.</summary>
    private sealed record Borrowed(ReproSession Session);
}
