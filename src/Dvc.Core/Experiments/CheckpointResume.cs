using Dvc.Core.Checkpoints;
using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Repro;

namespace Dvc.Core.Experiments;

/// <summary>ExpRun's checkpoint properties: Rev (resume from), Reset (start over), the project's checkpoint list.</summary>
/// <param name="ProjectFile">The project file that lists <paramref name="CheckpointOuts"/> (errors point at it).</param>
internal sealed record CheckpointOptions(string? Rev, bool Reset, string? CheckpointOuts, string ProjectFile);

/// <summary>Where a checkpoint ExpRun starts: the experiment it records into and the checkpoint it resumes from.</summary>
/// <param name="ResumeFrom">The checkpoint commit the chain continues; null: a new chain on the baseline.</param>
/// <param name="MissingOutputs">Outputs of the resumed checkpoint that the cache lacks (left as they were).</param>
internal sealed record CheckpointStart(ExpRef Ref, string? ResumeFrom, IReadOnlyList<string> MissingOutputs);

/// <summary>
/// DVC 2's resume rules for a pipeline with checkpoint stages: without Rev or Reset, ExpRun continues
/// the latest checkpoint of the workspace's last checkpoint run (when it belongs to an experiment of
/// the current baseline); Rev names an experiment (its latest checkpoint) or any checkpoint commit of
/// one; Reset deletes the checkpoint outputs and starts a new experiment. A resumed checkpoint's files
/// and cached outputs are put into the workspace first, as <c>exp apply</c> does. Continuing from an
/// experiment's latest checkpoint extends that experiment; from an earlier one starts a new experiment
/// whose chain branches off there, so no checkpoint is ever lost.
/// </summary>
internal static class CheckpointResume
{
    /// <returns>Null when the run is an ordinary new experiment (no checkpoint stage, nothing to resume, or Reset).</returns>
    public static CheckpointStart? Prepare(ExperimentWorkspace workspace, string projectDirectory, CheckpointOptions options, string? name, bool force)
    {
        var git = workspace.Git;
        var rev = string.IsNullOrWhiteSpace(options.Rev) ? null : options.Rev.Trim();
        if (rev is not null && options.Reset)
        {
            throw new DvcException(DvcErrorCode.CheckpointResumeConflict, "Rev and Reset cannot be used together: Rev resumes from a checkpoint, Reset starts over");
        }

        var lastCheckpoint = git.ResolveCommit(CheckpointChain.ExecCheckpointRef);
        if (rev is null && !options.Reset && lastCheckpoint is null && string.IsNullOrWhiteSpace(options.CheckpointOuts))
        {
            return null; // the usual ExpRun: the pipeline need not even be read here
        }

        var baseline = git.HeadCommit() ?? throw ExperimentErrors.EmptyRepository();
        var (context, _) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = projectDirectory });
        using (context)
        {
            var selection = CheckpointSelection.Parse(options.CheckpointOuts, projectDirectory, workspace.Repository);
            selection.Validate(context, options.ProjectFile);
            var stages = context.Stages.Where(selection.IsCheckpointStage).ToList();
            if (stages.Count == 0)
            {
                return rev is null
                    ? null
                    : throw new DvcException(
                        DvcErrorCode.CheckpointResumeConflict,
                        $"Rev '{rev}' resumes a checkpoint experiment, but the pipeline has no checkpoint stage (an out with 'checkpoint: true' or listed in DvcCheckpointOuts)");
            }

            if (options.Reset)
            {
                RemoveCheckpointOutputs(context, selection);

                if (lastCheckpoint is not null)
                {
                    git.DeleteRef(CheckpointChain.ExecCheckpointRef, lastCheckpoint);
                }

                return null;
            }
        }

        var from = rev is not null ? FindByRev(git, baseline, rev) : FindCheckpoint(git, baseline, lastCheckpoint!);
        if (from is null)
        {
            return null; // the last checkpoint run was on another baseline: start afresh here
        }

        var (experiment, sha) = from.Value;
        var requested = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var expRef = sha == experiment.CommitSha && (requested is null || requested == experiment.Name)
            ? experiment.Ref
            : ExperimentStart.Prepare(git, requested, force);
        new ExperimentApplier(git).Apply(experiment, sha);
        var missing = OutputCheckout.CheckOutAll(projectDirectory);
        return new CheckpointStart(expRef, sha, missing);
    }

    /// <summary>Reset: every checkpoint output goes, so the stage starts from nothing.</summary>
    public static void RemoveCheckpointOutputs(PipelineContext context, CheckpointSelection selection)
    {
        foreach (var stage in context.Stages.Where(selection.IsCheckpointStage))
        {
            foreach (var output in selection.OutsOf(stage))
            {
                OutputRemover.Remove(context.Repository.Absolute(stage.PathFromRoot(output.Path)));
            }
        }
    }

    /// <summary>The checkpoint commit <paramref name="rev"/> names among the experiments of <paramref name="baseline"/>.</summary>
    /// <exception cref="DvcException">DVC1741: it names none.</exception>
    public static string Resolve(GitRepository git, string baseline, string rev) => FindByRev(git, baseline, rev)!.Value.Sha;

    private static (ExperimentInfo Experiment, string Sha)? FindByRev(GitRepository git, string baseline, string rev)
    {
        var experiments = new ExperimentList(git).ForBaseline(baseline);
        var named = experiments.FirstOrDefault(e => e.Name == rev || e.Ref.RefName == rev);
        if (named is not null)
        {
            return (named, named.CommitSha);
        }

        var sha = git.ResolveCommit(rev);
        return (sha is null ? null : FindCheckpoint(git, baseline, sha)) ?? throw new DvcException(
            DvcErrorCode.UnknownCheckpoint,
            $"Unknown checkpoint '{rev}': it names no experiment or checkpoint of the current baseline {baseline[..7]} (ExpShow lists them)");
    }

    /// <summary>The experiment of <paramref name="baseline"/> whose chain holds <paramref name="sha"/>: the one it is the tip of, else the oldest.</summary>
    private static (ExperimentInfo Experiment, string Sha)? FindCheckpoint(GitRepository git, string baseline, string sha)
    {
        var experiments = new ExperimentList(git).ForBaseline(baseline);
        var owner = experiments.FirstOrDefault(e => e.CommitSha == sha)
            ?? experiments.FirstOrDefault(e => git.FirstParentChain(e.CommitSha, baseline).Contains(sha, StringComparer.Ordinal));
        return owner is null ? null : (owner, sha);
    }
}
