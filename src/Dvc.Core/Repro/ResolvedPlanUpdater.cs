using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// Keeps the resolved-plan cache valid across a serial build that visited stages, so that the next
/// build (after one more params edit, say) reuses it instead of resolving from scratch. Running
/// stages cannot change the plan; it changes dvc.lock (which the build wrote), the stamps of the
/// stages visited and the listings of the folders they wrote. So the cache takes the stamps of the
/// definition files the build wrote, if they still hold what it wrote; each stage's latest refresh;
/// and folder mtimes, once every stage whose folders changed since it last looked has looked again.
/// Anything else that changed keeps its old stamp, so the next build resolves from scratch.
/// </summary>
internal static class ResolvedPlanUpdater
{
    // Each round refreshes stages whose folders changed after their last look; folders written
    // during the update itself could keep that going, so give up (leave the cache) after a few.
    private const int MaxRounds = 4;

    private const long Missing = -1;

    /// <returns>The plan to cache, or null when it could not be made consistent.</returns>
    public static ResolvedPipelineCache? AfterBuild(ResolvedPipelineCache before, ReproSession session)
    {
        var stamps = session.Stamps;
        var repository = session.Context.Repository;
        var roots = session.Plan.ToDictionary(
            s => s.Addressing,
            s => StageStamps.ExpandedRoots(s).Select(repository.Absolute).ToList(),
            StringComparer.Ordinal);
        var cached = new Dictionary<string, FolderStamp>(StringComparer.Ordinal);
        foreach (var folder in before.Directories)
        {
            cached[folder.Path] = folder;
        }

        Dictionary<string, FolderStamp> now;
        for (var round = 0; ; round++)
        {
            now = cached.Keys.Concat(stamps.Refreshed.Values.SelectMany(r => r.Directories.Keys))
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(d => d, d => new FolderStamp(d, ResolvedPipelineCache.MtimeOrMissing(d)), StringComparer.Ordinal);
            var stale = session.Plan.Where(s => SawOtherListings(s, roots[s.Addressing], now, cached, stamps)).ToList();
            if (stale.Count == 0)
            {
                break;
            }

            if (round == MaxRounds)
            {
                return null;
            }

            foreach (var stage in stale)
            {
                stamps.Refresh(stage);
            }
        }

        var directories = now.Values.Where(d => d.MtimeTicks != Missing).ToList();
        var written = session.Context.WrittenDefinitionFiles;
        var files = before.Files
            .Select(f => written.TryGetValue(f.Path, out var stamp) && ResolvedPipelineCache.StampOrMissing(f.Path) == stamp ? f with { Stamp = stamp } : f)
            .ToList();
        var stages = before.Stages
            .Select(s => stamps.Refreshed.TryGetValue(s.Addressing, out var r) ? s with { Inputs = r.Inputs, ParamsDigest = r.ParamsDigest } : s)
            .ToList();
        return new ResolvedPipelineCache
        {
            Key = before.Key,
            Files = files,
            Directories = directories,
            SearchedDirectories = before.SearchedDirectories.Select(Restamp).ToList(),
            DataSources = before.DataSources,
            Stages = stages,
        };
    }

    /// <summary>A searched folder whose mtime moved (dvc.lock replaced beside it) while what the .dvc
    /// search sees did not takes its new mtime, so later builds do not list it again.</summary>
    private static SearchedFolderStamp Restamp(SearchedFolderStamp folder)
    {
        // Read before the listing: a change in between leaves an older mtime, seen by the next build.
        var mtime = ResolvedPipelineCache.MtimeOrMissing(folder.Path);
        return mtime != folder.MtimeTicks && DataSources.DataSourceFinder.FolderSignature(folder.Path) == folder.Signature
            ? folder with { MtimeTicks = mtime }
            : folder;
    }

    /// <summary>Whether a folder under the stage's deps/outs now has another mtime than the stage
    /// saw when it last listed it (its latest refresh, or the cached plan's walk).</summary>
    private static bool SawOtherListings(StageDefinition stage, List<string> roots, Dictionary<string, FolderStamp> now, Dictionary<string, FolderStamp> cached, StageStamps stamps)
    {
        var seen = stamps.Refreshed.TryGetValue(stage.Addressing, out var refresh) ? refresh.Directories : cached;
        foreach (var (directory, folder) in now)
        {
            if (Covers(roots, directory) && (seen.TryGetValue(directory, out var saw) ? saw.MtimeTicks : Missing) != folder.MtimeTicks)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(List<string> roots, string directory)
    {
        foreach (var root in roots)
        {
            if (directory.StartsWith(root, StringComparison.Ordinal)
                && (directory.Length == root.Length || directory[root.Length] == Path.DirectorySeparatorChar))
            {
                return true;
            }
        }

        return false;
    }
}
