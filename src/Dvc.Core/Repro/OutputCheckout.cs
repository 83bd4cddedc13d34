using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// <c>dvc checkout</c> for the project's pipeline: every cached output whose workspace content
/// differs from dvc.lock is replaced by the recorded version from the cache. Used after a
/// checkout of other files (an applied experiment) brought a different dvc.lock.
/// </summary>
internal static class OutputCheckout
{
    /// <returns>Outputs that could not be restored because their objects are not in the cache.</returns>
    public static IReadOnlyList<string> CheckOutAll(string projectDirectory)
    {
        var (context, plan) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = projectDirectory });
        using (context)
        {
            var missing = new List<string>();
            foreach (var stage in plan)
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
                    if (context.Workspace.Hash(repoPath, item.Legacy)?.Md5 == item.Md5)
                    {
                        continue;
                    }

                    if (!context.Workspace.IsCached(item))
                    {
                        missing.Add(repoPath);
                        continue;
                    }

                    var absolute = context.Repository.Absolute(repoPath);
                    OutputRemover.Remove(absolute);
                    context.Workspace.Cache.Checkout(item.Md5, absolute, context.Workspace.LinkTypes, item.IsExec);
                    context.Workspace.RecordCheckedOut(absolute, item);
                }
            }

            return missing;
        }
    }
}
