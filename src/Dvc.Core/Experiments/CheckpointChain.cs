using Dvc.Core.Checkpoints;
using Dvc.Core.Git;
using Dvc.Core.IO;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Experiments;

/// <summary>
/// The checkpoints of one ExpRun: each becomes a commit on the experiment's ref whose parent is the
/// previous checkpoint (the first one's: the checkpoint it resumes from, or the baseline), so the ref
/// grows like a branch, as DVC 2's executor did. A commit holds the workspace as the experiment
/// commit would, built without a status scan: the changes known when the stage started plus the files
/// each checkpoint wrote (dvc.lock, .gitignore, uncached outputs). Refs move by compare-and-swap.
/// </summary>
internal sealed class CheckpointChain : ICheckpointRecorder
{
    /// <summary>The latest checkpoint of a workspace run: what the next ExpRun resumes from (DVC 2's name).</summary>
    public const string ExecCheckpointRef = "refs/exps/exec/EXEC_CHECKPOINT";

    private readonly object _gate = new();
    private readonly GitRepository _git;
    private readonly ExperimentCommitter _committer;
    private readonly bool _marksWorkspace;
    private (List<string> Additions, List<string> Removals)? _changesAtStart;
    private string? _keptIndex;

    /// <summary>The tree of <see cref="Tip"/> once this chain committed it: later checkpoints need not ask git.</summary>
    private string? _tipTree;

    /// <param name="resumeFrom">The checkpoint this run continues; null: a new chain on the baseline.</param>
    /// <param name="marksWorkspace">A run in the user's workspace: the next ExpRun there resumes from its last
    /// checkpoint. A queued run's workspace is thrown away, so it marks nothing.</param>
    public CheckpointChain(GitRepository git, ExpRef expRef, string? resumeFrom, bool marksWorkspace = true)
    {
        _git = git;
        _marksWorkspace = marksWorkspace;
        _committer = new ExperimentCommitter(git);
        Ref = expRef;
        Tip = resumeFrom;
    }

    public ExpRef Ref { get; }

    /// <summary>The latest checkpoint of the chain (at first, the one resumed from); null before any.</summary>
    public string? Tip { get; private set; }

    /// <summary>Checkpoints registered by this run.</summary>
    public int Count { get; private set; }

    public void Starting(StageDefinition stage, PipelineContext context)
    {
        lock (_gate)
        {
            // Params set by the experiment, dvc.lock entries of upstream stages: one scan, before the command runs.
            if (_changesAtStart is null)
            {
                _changesAtStart = _committer.CollectChanges(context.Repository.RootDir, ExperimentRecorder.StageFiles(context));
                _keptIndex = Path.Combine(context.Repository.RootDir, ".dvc", "tmp", "checkpoint.index");
                File.Delete(_keptIndex); // a chain's index starts from the baseline's tree
            }
        }
    }

    public string Record(StageDefinition stage, LockEntry entry, PipelineContext context)
    {
        lock (_gate)
        {
            var (knownAdditions, knownRemovals) = _changesAtStart ?? throw new InvalidOperationException("a checkpoint before its stage started");
            var additions = new SortedSet<string>(knownAdditions, StringComparer.Ordinal);
            foreach (var path in FilesOf(stage, context))
            {
                additions.Add(path);
            }

            var removals = knownRemovals.Where(p => !additions.Contains(p)).ToList();
            var request = new ExperimentCommitRequest(Ref, ExpHash.Compute([(stage.Name, entry)]), context.Repository.RootDir, [])
            {
                Parent = Tip,
                ParentTree = _tipTree,
                Force = true,
                KeptIndex = _keptIndex,
                AlsoPoint = _marksWorkspace ? ExecCheckpointRef : null,
            };
            var result = _committer.Commit(request, additions, removals);
            if (result.ReusedExisting && _marksWorkspace)
            {
                // Nothing new to commit, but this is still where the workspace's run stands.
                _git.UpdateRef(ExecCheckpointRef, result.CommitSha, expectedOldSha: null, $"dvc: checkpoint of '{Ref.Name}'");
            }

            Tip = result.CommitSha;
            _tipTree = result.TreeSha;
            Count++;
            return result.CommitSha;
        }
    }

    /// <summary>Git paths a checkpoint of the stage writes: its dvc.lock, the .gitignore beside each cached
    /// output, its uncached outputs (every file of a folder). Only those that exist: update-index takes no ghosts.</summary>
    private IEnumerable<string> FilesOf(StageDefinition stage, PipelineContext context)
    {
        var files = new List<string> { context.Repository.Absolute(PipelineContext.LockPathFor(stage.DvcFile)) };
        foreach (var output in stage.Outs)
        {
            var absolute = context.Repository.Absolute(stage.PathFromRoot(output.Path));
            if (output.Cache)
            {
                files.Add(GitIgnoreFile.PathFor(absolute));
            }
            else if (Directory.Exists(absolute))
            {
                files.AddRange(Directory.EnumerateFiles(absolute, "*", SearchOption.AllDirectories));
            }
            else
            {
                files.Add(absolute);
            }
        }

        return files.Where(File.Exists).Select(f => _git.Relative(f)).Where(p => !p.StartsWith("../", StringComparison.Ordinal));
    }
}
