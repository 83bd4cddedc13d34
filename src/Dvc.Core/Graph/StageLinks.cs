using Dvc.Core.Pipeline;

namespace Dvc.Core.Graph;

/// <summary>The two trie passes of build_graph: index every out (rejecting clashes), then find the
/// outs each stage's deps touch, which become the graph's edges.</summary>
internal static class StageLinks
{
    /// <summary>Adds the stage's outs to the trie, checking them in the same order and with the same
    /// pair choice as dvc/repo/trie.py::build_outs_trie.</summary>
    public static IReadOnlyList<TrackedOutput> IndexOutputs(StageDefinition stage, OutputTrie outputs, string? repoRoot, InternalPaths internalPaths)
    {
        var added = new List<TrackedOutput>(stage.Outs.Count);
        foreach (var spec in stage.Outs)
        {
            var path = stage.PathFromRoot(spec.Path);
            if (RepoPath.IsOutside(path))
            {
                throw GraphErrors.OutputOutsideRepository(stage, spec, Display(path, repoRoot));
            }

            if (internalPaths.Find(path, out var resolved) is { } internalDir)
            {
                throw GraphErrors.InternalPath("output", spec.Path, stage, internalDir, resolved, spec.Location);
            }

            var output = new TrackedOutput(stage, spec, path);
            var key = OutputTrie.Split(path);
            var existing = outputs.Get(key);
            if (existing is not null)
            {
                throw GraphErrors.DuplicateOutput(existing, output);
            }

            // An out below the new one is reported in preference to one above it, as DVC does.
            var below = outputs.HasDescendants(key) ? outputs.ValuesUnder(key).First() : null;
            if (below is not null)
            {
                throw GraphErrors.OverlappingOutputs(output, below, output);
            }

            var above = outputs.ShortestPrefix(key);
            if (above is not null)
            {
                throw GraphErrors.OverlappingOutputs(above, output, output);
            }

            outputs.Add(key, output);
            added.Add(output);
        }

        return added;
    }

    public static IReadOnlyList<TrackedOutput> OutputsUsedBy(StageDefinition stage, OutputTrie outputs, string? repoRoot, InternalPaths internalPaths)
    {
        var reached = new List<TrackedOutput>();
        var seen = new HashSet<TrackedOutput>(ReferenceEqualityComparer.Instance);
        foreach (var dep in stage.Deps)
        {
            var path = stage.PathFromRoot(dep.Path);
            // An external dependency (a URL, or a local path outside the DVC root, such as the
            // sources above a `dvc init --subdir` project): DVC hashes it, but no stage produces it.
            if (RepoPath.IsUrl(path) || RepoPath.IsOutside(path))
            {
                continue;
            }

            if (internalPaths.Find(path, out var resolved) is { } internalDir)
            {
                throw GraphErrors.InternalPath("dependency", dep.Path, stage, internalDir, resolved, dep.Location);
            }

            var key = OutputTrie.Split(path);
            var overlapping = outputs.Prefixes(key);
            if (outputs.HasDescendants(key))
            {
                overlapping = overlapping.Concat(outputs.ValuesUnder(key));
            }

            reached.AddRange(overlapping.Where(seen.Add));
        }

        return reached;
    }

    private static string Display(string relative, string? repoRoot) =>
        repoRoot is null ? relative : Path.GetFullPath(Path.Combine(repoRoot, relative));
}
