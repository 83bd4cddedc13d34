using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Lock;
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

    /// <param name="force">Replace modified outputs even when their content is in no cache
    /// (<c>dvc checkout --force</c>); without it such files are an error and nothing is changed.</param>
    /// <exception cref="DvcException">DVC1610 when, without <paramref name="force"/>, checking out
    /// would delete workspace files whose content the cache does not hold.</exception>
    public static CheckoutResult CheckOut(PipelineContext context, IEnumerable<StageDefinition> stages, bool force = true)
    {
        var result = new CheckoutResult();
        var changes = new List<(string RepoPath, LockItem Item, bool Existed)>();
        var unsaved = new List<string>();
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

                if (!force && current is not null)
                {
                    unsaved.AddRange(Unsaved(context, repoPath, item));
                }

                changes.Add((repoPath, item, current is not null));
            }
        }

        if (unsaved.Count > 0)
        {
            // dvc/repo/checkout.py's _check_can_delete: checked before anything is touched.
            throw new DvcException(
                DvcErrorCode.UnsavedWorkspaceChanges,
                "Can't remove the following unsaved files without confirmation. Use `-p:Force=true` to force.\n" + string.Join("\n", unsaved),
                new SourceLocation(unsaved[0]));
        }

        foreach (var (repoPath, item, existed) in changes)
        {
            var absolute = context.Repository.Absolute(repoPath);
            OutputRemover.Remove(absolute);
            context.Workspace.Cache.Checkout(item.Md5!, absolute, context.Workspace.LinkTypes, item.IsExec);
            context.Workspace.RecordCheckedOut(absolute, item);
            (existed ? result.Modified : result.Added).Add(repoPath);
        }

        return result;
    }

    /// <summary>
    /// The workspace files of an output that a checkout of <paramref name="item"/> would delete or
    /// replace and whose content is in no cache, so would be lost (absolute paths, as DVC lists
    /// them). A file whose content the cache holds (an earlier version) can be got back, as in DVC.
    /// Hashes come from the hash state: unchanged files are not read again.
    /// </summary>
    private static IEnumerable<string> Unsaved(PipelineContext context, string repoPath, LockItem item)
    {
        var absolute = context.Repository.Absolute(repoPath);
        var cache = context.Workspace.Cache;
        if (!Directory.Exists(absolute))
        {
            var md5 = context.Workspace.Hashing.HashPath(absolute, item.Legacy).Md5;
            return cache.Contains(md5) ? [] : [absolute];
        }

        var recorded = item.IsDir
            ? DirTreeJson.Parse(File.ReadAllBytes(cache.PathOf(item.Md5!)), cache.PathOf(item.Md5!)).ToDictionary(e => e.RelPath, e => e.Md5, StringComparer.Ordinal)
            : [];
        return context.Workspace.Hashing.HashDirectory(absolute, item.Legacy).Entries
            .Where(e => !(recorded.TryGetValue(e.RelPath, out var md5) && md5 == e.Md5) && !cache.Contains(e.Md5))
            .Select(e => Path.Combine(absolute, e.RelPath.Replace('/', Path.DirectorySeparatorChar)))
            .ToList();
    }
}

/// <summary>The outputs a checkout changed, by DVC's words, and those it could not restore.</summary>
internal sealed class CheckoutResult
{
    public List<string> Added { get; } = [];

    public List<string> Modified { get; } = [];

    public List<string> Missing { get; } = [];
}
