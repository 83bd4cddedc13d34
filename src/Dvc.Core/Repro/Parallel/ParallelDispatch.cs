using Dvc.Core.Repository;

namespace Dvc.Core.Repro.Parallel;

/// <summary>A parallel build as one node sees it: the shared manifest and the shared state folder.</summary>
public sealed record ParallelDispatch(DispatchManifest Manifest, ParallelBuildState State)
{
    /// <summary>The session a stage instance works in when its node is not the one that planned the build.</summary>
    public ReproSession LoadSession()
    {
        var repository = DvcRepository.Require(Manifest.ProjectDirectory);
        var context = PipelineContext.Load(repository, Manifest.ProjectDirectory, Manifest.DvcFiles);
        try
        {
            var plan = Manifest.Stages
                .Select(d => context.Stages.FirstOrDefault(s => s.Addressing == d.Addressing)
                    ?? throw new InvalidOperationException($"stage '{d.Addressing}' is no longer in the pipeline"))
                .ToList();
            return new ReproSession(context, plan, Manifest.Options) { Parallel = this };
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public static ParallelDispatch Read(string manifestPath)
    {
        var manifest = DispatchManifest.Read(manifestPath);
        return new ParallelDispatch(manifest, new ParallelBuildState(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!));
    }
}
