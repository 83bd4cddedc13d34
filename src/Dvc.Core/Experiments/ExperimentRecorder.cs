using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Experiments;

/// <summary>
/// The end of <c>dvc exp run</c>: commits the workspace as the experiment (BaseExecutor.commit),
/// named by the exp hash of the stages this build reproduced, with the files DVC stages explicitly.
/// </summary>
internal static class ExperimentRecorder
{
    /// <param name="outcomes">What the build did with each planned stage: the reproduced ones make the exp hash.</param>
    /// <param name="parent">The last checkpoint of a checkpoint run (the wrap-up checkpoint, made only when
    /// something changed since); null: the baseline.</param>
    public static ExperimentCommitResult Record(ExperimentWorkspace workspace, PipelineContext context, IReadOnlyList<StageResult> outcomes, ExpRef expRef, string? message, bool force, string? parent = null)
    {
        // Read from disk: the files as they are committed.
        var locks = new Dictionary<string, LockFile>(StringComparer.Ordinal);
        LockEntry? EntryOf(StageDefinition stage)
        {
            if (!locks.TryGetValue(stage.DvcFile, out var lockFile))
            {
                lockFile = LockFile.Load(context.Repository.Absolute(PipelineContext.LockPathFor(stage.DvcFile)));
                locks[stage.DvcFile] = lockFile;
            }

            return lockFile.TryGetEntry(stage.Name, out var entry) ? entry : null;
        }

        var reproduced = outcomes
            .Where(o => (o.Outcome is StageOutcome.Ran or StageOutcome.Restored or StageOutcome.Verified) && o.Stage.Kind == StageKind.Pipeline)
            .Select(o => (o.Stage.Name, Entry: EntryOf(o.Stage)))
            .Where(o => o.Entry is not null)
            .Select(o => (o.Name, o.Entry!))
            .ToList();
        var request = new ExperimentCommitRequest(expRef, ExpHash.Compute(reproduced), context.Repository.RootDir, StageFiles(context))
        {
            Message = string.IsNullOrWhiteSpace(message) ? null : message,
            Force = force,
            Parent = parent,
        };
        return new ExperimentCommitter(workspace.Git).Commit(request);
    }

    /// <summary>
    /// DVC-root-relative files DVC adds even when git does not track them yet: the pipeline and lock
    /// files, params files, uncached outputs (metrics, plots and cache: false outs) and the top-level
    /// metrics/params/plots files (dvc/stage/utils.py::_get_stage_files, executor _repro_commit).
    /// </summary>
    public static IReadOnlyCollection<string> StageFiles(PipelineContext context)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        void AddIfExists(string repoRelative)
        {
            if (repoRelative.Length > 0 && !RepoPath.IsOutside(repoRelative) && (File.Exists(context.Repository.Absolute(repoRelative)) || Directory.Exists(context.Repository.Absolute(repoRelative))))
            {
                files.Add(repoRelative);
            }
        }

        foreach (var file in context.Files)
        {
            AddIfExists(file.DvcFile);
            AddIfExists(PipelineContext.LockPathFor(file.DvcFile));
            var dir = file.DvcFile.Contains('/') ? file.DvcFile[..file.DvcFile.LastIndexOf('/')] : "";
            AddIfExists(RepoPath.Join(dir, ParamsSpec.DefaultFile));
            foreach (var path in file.Params.Concat(file.Metrics).Concat(file.Plots))
            {
                AddIfExists(RepoPath.Join(dir, path));
            }
        }

        foreach (var stage in context.Stages)
        {
            foreach (var spec in stage.Params)
            {
                AddIfExists(stage.PathFromRoot(spec.File));
            }

            foreach (var output in stage.Outs.Where(o => !o.Cache))
            {
                AddIfExists(stage.PathFromRoot(output.Path));
            }
        }

        return files;
    }
}
