using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Overrides;

namespace Dvc.Core.Queue;

/// <summary>
/// <c>dvc exp run --queue</c>: records one entry per combination of the <c>Set</c> sweeps as a stash
/// commit, without touching the user's workspace, index or HEAD. Each commit's tree is the workspace
/// as it is now (HEAD plus tracked changes, plus untracked files when asked) with the overridden
/// params files and DVC's <c>.dvc/tmp/repro.dat</c>; its parents are HEAD and an "Index stash" commit
/// of the same tree, the layout dulwich's stash gives DVC's entries (stash.py). Every combination,
/// name and override is checked before the first entry is written, so bad input queues nothing.
/// </summary>
internal static class ExperimentQueuer
{
    public static IReadOnlyList<QueueEntry> Queue(ExperimentWorkspace workspace, QueueRequest request, Action<string> info)
    {
        var git = workspace.Git;
        var head = git.HeadCommit() ?? throw ExperimentErrors.EmptyRepository();
        var combinations = SweepExpander.Expand(request.Set ?? "", request.ProjectDirectory);
        var names = Names(workspace, head, request, combinations.Count, combinations[0].IsSweep);
        // DVC 2 kept the checkpoint a queued run resumes in the entry's branch field; here it is the commit itself.
        var resumeFrom = string.IsNullOrWhiteSpace(request.Rev) ? null : CheckpointResume.Resolve(git, head, request.Rev.Trim());
        var files = combinations.Select(c => ParamsTexts(workspace, request.ProjectDirectory, c)).ToList();

        var baseTree = WorkspaceTree(workspace, head, request.IncludeUntracked);
        var environmentRoot = workspace.Repository.RootDir;
        var stash = new ExpStash(git, request.StashRef);
        var entries = new List<QueueEntry>();
        using (QueueLock.Acquire(workspace.Repository))
        {
            for (var i = 0; i < combinations.Count; i++)
            {
                info($"Queueing with overrides '{combinations[i].PythonRepr()}'.");
                var expRef = new ExpRef(head, names[i]);
                var blobs = files[i].Select(f => (f.GitPath, git.HashObject(System.Text.Encoding.UTF8.GetBytes(f.Text)))).ToList();
                var packed = PackedReproArgs.Pickle(ExperimentPreparation.Environment(expRef, environmentRoot), request.Force);
                blobs.Add((git.Relative(workspace.Repository.Absolute(PackedReproArgs.RepoPath)), git.HashObject(packed)));
                var tree = git.WriteTreeWithBlobs(baseTree, blobs);
                var index = git.CommitTree(tree, [head], "Index stash");
                var message = QueueEntry.FormatMessage(head, head, names[i], resumeFrom);
                var commit = git.CommitTree(tree, [head, index], message);
                stash.Push(commit, head, message);
                entries.Add(new QueueEntry(commit, head, head, names[i], resumeFrom, DateTimeOffset.UtcNow));
                if (request.StashRef == ExpStash.Queue)
                {
                    info($"Queued experiment '{names[i]}' for future execution.");
                }
            }
        }

        return entries;
    }

    private static List<string> Names(ExperimentWorkspace workspace, string baseline, QueueRequest request, int count, bool isSweep)
    {
        var taken = new ExperimentList(workspace.Git).ForBaseline(baseline).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var queued = new ExpStash(workspace.Git, ExpStash.Queue).Entries().Where(e => e.BaselineRev == baseline).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            var names = new List<string>();
            for (var i = 0; i < count; i++)
            {
                names.Add(ExpNameGenerator.Generate(n => taken.Contains(n) || queued.Contains(n) || names.Contains(n)));
            }

            return names;
        }

        var given = isSweep ? Enumerable.Range(1, count).Select(i => $"{request.Name}-{i}").ToList() : [request.Name];
        foreach (var name in given)
        {
            ExpRef.ValidateName(name);
            if ((taken.Contains(name) && !request.Force) || queued.Contains(name))
            {
                throw ExperimentErrors.Exists(name);
            }
        }

        return given;
    }

    /// <summary>The params files a combination changes, with their new text; a bad override throws here.</summary>
    private static List<(string GitPath, string Text)> ParamsTexts(ExperimentWorkspace workspace, string projectDirectory, SweepCombination combination)
    {
        var overrides = combination.Arguments.Select(OverrideParser.ParseOne).ToList();
        var result = new List<(string, string)>();
        foreach (var group in overrides.GroupBy(o => o.File, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(projectDirectory, group.Key));
            var original = File.Exists(path) ? File.ReadAllText(path) : "";
            try
            {
                result.Add((workspace.Git.Relative(path), ParamsFileEditor.Apply(original, group.Key, group.ToList())));
            }
            catch (DvcException e) when (e.Location is null)
            {
                throw new DvcException(e.Code, e.Message, new SourceLocation(path), e);
            }
        }

        return result;
    }

    /// <summary>HEAD's tree with the workspace's tracked changes (and its untracked files when asked).</summary>
    private static string WorkspaceTree(ExperimentWorkspace workspace, string head, bool includeUntracked)
    {
        var git = workspace.Git;
        var additions = new List<string>();
        var removals = new List<string>();
        foreach (var entry in git.Status())
        {
            if (entry.IsUntracked)
            {
                if (includeUntracked)
                {
                    additions.Add(entry.Path);
                }
            }
            else if (entry.IsTrackedChange)
            {
                var absolute = Path.Combine(git.RootDir, entry.Path);
                (File.Exists(absolute) || new FileInfo(absolute).LinkTarget is not null ? additions : removals).Add(entry.Path);
            }
        }

        return additions.Count == 0 && removals.Count == 0 ? git.TreeOf(head) : git.WriteTree(head, additions, removals);
    }
}

/// <summary>What to queue: the ExpRun properties.</summary>
/// <param name="StashRef">Where the entries go: the queue, or the temporary runs' stash (Temp).</param>
/// <param name="Rev">A checkpoint to resume from (an experiment name or a checkpoint commit); null: a queued
/// checkpoint experiment starts over.</param>
internal sealed record QueueRequest(string ProjectDirectory, string? Set, string? Name, bool Force, bool IncludeUntracked, string StashRef = ExpStash.Queue, string? Rev = null);
