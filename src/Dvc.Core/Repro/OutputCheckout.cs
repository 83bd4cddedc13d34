using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// <c>dvc checkout</c>: every cached output whose workspace content differs from dvc.lock (or its
/// .dvc file) is replaced by the recorded version from the cache. Used after a checkout of other
/// files (an applied experiment) brought a different dvc.lock, and by Pull after a fetch.
/// </summary>
internal static class OutputCheckout
{
    /// <summary>The project's pipeline.</summary>
    /// <returns>Outputs that could not be restored because their objects are not in the cache.</returns>
    public static IReadOnlyList<string> CheckOutAll(string projectDirectory)
    {
        var (context, plan) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = projectDirectory });
        using (context)
        {
            return CheckOut(context, plan).Missing;
        }
    }

    public static CheckoutResult CheckOut(PipelineContext context, IEnumerable<StageDefinition> stages)
    {
        var result = new CheckoutResult();
        foreach (var stage in stages)
        {
            var entry = context.LockEntryOf(stage);
            foreach (var output in stage.Outs.Where(o => o.Cache))
            {
                var item = entry?.Outs.FirstOrDefault(i => i.Path == output.Path);
                if (item?.Md5 is null)
                {
                    continue;
                }

                var repoPath = stage.PathFromRoot(output.Path);
                var current = context.Workspace.Hash(repoPath, item.Legacy);
                if (current?.Md5 == item.Md5)
                {
                    continue;
                }

                if (!context.Workspace.IsCached(item))
                {
                    result.Missing.Add(repoPath);
                    continue;
                }

                var absolute = context.Repository.Absolute(repoPath);
                OutputRemover.Remove(absolute);
                context.Workspace.Cache.Checkout(item.Md5, absolute, context.Workspace.LinkTypes);
                context.Workspace.RecordCheckedOut(absolute, item);
                (current is null ? result.Added : result.Modified).Add(repoPath);
            }
        }

        return result;
    }
}

/// <summary>The outputs a checkout changed, by DVC's words, and those it could not restore.</summary>
internal sealed class CheckoutResult
{
    public List<string> Added { get; } = [];

    public List<string> Modified { get; } = [];

    public List<string> Missing { get; } = [];
}
