using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue;

/// <summary>
/// Runs one claimed entry: its isolated workspace (<see cref="ExperimentSandbox"/>), the outputs
/// dvc.lock records checked out from the shared cache, then the one planner and executor every
/// Repro uses, in this process, with the workspace as root (stages in plan order), and the result
/// committed under refs/exps of the user's repository by the one <see cref="ExperimentRecorder"/>.
/// The info file says how it ended before the entry leaves the queue: a success leaves it, a
/// failure moves it to refs/exps/celery/failed as DVC does; a cancelled run stays queued.
/// </summary>
internal sealed class QueuedRunner
{
    private readonly ExperimentWorkspace _main;
    private readonly string _projectDirectory;
    private readonly string _stashRef;
    private readonly string? _sharedDir;
    private readonly string? _remote;

    /// <param name="sharedDir">Where the workspace goes (a Slurm job's shared folder); null: under .dvc/tmp/exps.</param>
    /// <param name="remote">A Slurm job without the shared cache: the DVC remote the run pulls what it
    /// needs from and pushes its outputs to (see <see cref="RemoteRun"/>); null: the project cache is shared.</param>
    public QueuedRunner(ExperimentWorkspace main, string projectDirectory, string stashRef, string? sharedDir = null, string? remote = null)
    {
        _main = main;
        _projectDirectory = projectDirectory;
        _stashRef = stashRef;
        _sharedDir = sharedDir;
        _remote = remote;
    }

    /// <param name="console">Where the build shows the run (the log file gets every line too).</param>
    /// <param name="prefix">Put before each console line ("[name] " when several run at once).</param>
    public QueuedResult Run(QueueEntry entry, IReproLog console, string prefix, CancellationToken cancellation)
    {
        var repository = _main.Repository;
        var infoPath = QueuePaths.InfoFile(repository, entry.StashRev);
        var sandboxRoot = QueuePaths.Workspace(repository, entry.StashRev, _sharedDir);
        File.Delete(QueuePaths.KillFile(repository, entry.StashRev));
        Info(entry, sandboxRoot, QueueTaskStatus.Running).Save(infoPath);
        using var log = new QueueLogFile(QueuePaths.LogFile(repository, entry.StashRev), console, prefix);
        using var killed = WatchKill(repository, entry.StashRev, cancellation);
        var expRef = new ExpRef(entry.BaselineRev, entry.Name);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => log.Detail($"{what}: {clock.ElapsedMilliseconds} ms");
        try
        {
            log.Info($"Reproducing experiment '{entry.Name}'");
            ExperimentCommitResult commit;
            using (var sandbox = ExperimentSandbox.Create(repository, _main.Git, _projectDirectory, entry, _sharedDir, shareCache: _remote is null))
            {
                Phase("workspace created");
                var resumeFrom = ResumedCheckpoint(entry);
                if (resumeFrom is not null)
                {
                    // The checkpoint's dvc.lock, so that its outputs (the model to continue) are checked out below.
                    sandbox.Git.Run(["checkout", resumeFrom, "--", sandbox.Git.Relative(Path.Combine(sandbox.ProjectDirectory, "dvc.lock"))]);
                }

                sandbox.CheckOutOutputs();
                Phase("outputs checked out");
                var chain = new CheckpointChain(sandbox.Git, expRef, resumeFrom, marksWorkspace: false);
                var options = RemoteRun.Options(_remote, new ReproOptions
                {
                    IsExperiment = true,
                    Force = sandbox.Force,
                    Environment = ExperimentPreparation.Environment(expRef, repository.RootDir),
                    CheckpointRecorder = chain,
                });
                using var build = new PipelinePlanner().Plan(new PlanRequest { ProjectDirectory = sandbox.ProjectDirectory }, options);
                if (resumeFrom is null)
                {
                    // Without Rev a queued checkpoint experiment starts over (DVC 2's queue implied reset): no model checked out of the baseline.
                    CheckpointResume.RemoveCheckpointOutputs(build.Session.Context, options.Checkpoints);
                }

                var errors = new List<string>();
                Phase("planned");
                var outcomes = new Executor(log, e =>
                {
                    lock (errors)
                    {
                        errors.Add(e.Message);
                    }

                    log.Error(e.Message);
                }).Run(build, 1, killed.Token);
                killed.Token.ThrowIfCancellationRequested();
                if (outcomes.Contains(StageOutcome.Failed) || errors.Count > 0)
                {
                    return Fail(entry, log, errors.Count > 0 ? errors[0] : "a stage failed");
                }

                Phase("executed");
                var session = build.Session;
                var results = outcomes.Select((o, i) => new StageResult(session.Find(build.Plan.Stages[i].Addressing), o)).ToList();
                var workspace = new ExperimentWorkspace(DvcRepository.Require(sandbox.ProjectDirectory), sandbox.Git);
                RemoteRun.PushOutputs(_remote, sandbox.ProjectDirectory, log, killed.Token);
                commit = ExperimentRecorder.Record(workspace, session.Context, results, expRef, null, sandbox.Force, chain.Tip);
                Phase("committed");
            }

            Phase("workspace removed");

            Info(entry, sandboxRoot, QueueTaskStatus.Success, commit.Ref.RefName).Save(infoPath);
            using (QueueLock.Acquire(repository))
            {
                new ExpStash(_main.Git, _stashRef).Drop(entry.StashRev);
            }

            Phase("left the queue");
            return new QueuedResult(entry, QueueTaskStatus.Success, commit.CommitSha, null);
        }
        catch (OperationCanceledException) when (killed.IsKilled)
        {
            return Fail(entry, log, "killed by QueueKill");
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the entry stays queued for the next RunAll.
            Info(entry, sandboxRoot, QueueTaskStatus.Canceled).Save(infoPath);
            return new QueuedResult(entry, QueueTaskStatus.Canceled, null, "cancelled");
        }
        catch (DvcException e) when (e.Code == DvcErrorCode.StageCancelled && cancellation.IsCancellationRequested)
        {
            Info(entry, sandboxRoot, QueueTaskStatus.Canceled).Save(infoPath);
            return new QueuedResult(entry, QueueTaskStatus.Canceled, null, "cancelled");
        }
        catch (DvcException e)
        {
            log.Error(e.Message);
            return Fail(entry, log, e.Message);
        }
    }

    private QueuedResult Fail(QueueEntry entry, QueueLogFile log, string reason)
    {
        log.Info($"Failed to reproduce experiment '{entry.Name}'");
        MoveToFailed(_main, _stashRef, entry, QueuePaths.Workspace(_main.Repository, entry.StashRev, _sharedDir));
        return new QueuedResult(entry, QueueTaskStatus.Failed, null, reason);
    }

    /// <summary>Marks the entry failed in its info file and moves it to refs/exps/celery/failed, as DVC does
    /// (also for a run its Slurm job could not finish).</summary>
    internal static void MoveToFailed(ExperimentWorkspace main, string stashRef, QueueEntry entry, string workspaceRoot)
    {
        var repository = main.Repository;
        new ExecutorInfo(entry.BaselineRev, entry.Name, workspaceRoot, QueueTaskStatus.Failed, Location: LocationOf(stashRef)).Save(QueuePaths.InfoFile(repository, entry.StashRev));
        using (QueueLock.Acquire(repository))
        {
            var failed = new ExpStash(main.Git, ExpStash.Failed);
            if (!failed.Entries().Any(e => e.StashRev == entry.StashRev))
            {
                failed.Record(entry.StashRev, entry.Message);
            }

            new ExpStash(main.Git, stashRef).Drop(entry.StashRev);
        }
    }

    /// <summary>Temp runs are DVC's tempdir executor's, not the queue's: QueueStatus and ExpShow leave them out.</summary>
    private static string LocationOf(string stashRef) => stashRef == ExpStash.Temporary ? ExecutorInfo.TempLocation : ExecutorInfo.QueueLocation;

    private ExecutorInfo Info(QueueEntry entry, string root, QueueTaskStatus status, string? resultRef = null) =>
        new(entry.BaselineRev, entry.Name, root, status, resultRef, Location: LocationOf(_stashRef));

    /// <summary>Cancels the run when the build is cancelled or QueueKill asks (its kill file appears).</summary>
    private static KillWatch WatchKill(DvcRepository repository, string stashRev, CancellationToken build) =>
        new(QueuePaths.KillFile(repository, stashRev), build);

    private sealed class KillWatch : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly Timer _timer;

        public KillWatch(string killFile, CancellationToken build)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(build);
            _timer = new Timer(_ =>
            {
                if (File.Exists(killFile))
                {
                    IsKilled = true;
                    _source.Cancel();
                }
            }, null, 200, 200);
        }

        public CancellationToken Token => _source.Token;

        public bool IsKilled { get; private set; }

        public void Dispose()
        {
            _timer.Dispose();
            _source.Dispose();
        }
    }

    /// <summary>The checkpoint a queued entry resumes from (queued with Rev): the commit in its branch field.</summary>
    private static string? ResumedCheckpoint(QueueEntry entry) =>
        entry.Branch is { Length: 40 } sha && sha.All(char.IsAsciiHexDigitLower) ? sha : null;
}

/// <summary>How a queued run ended; <paramref name="CommitSha"/> is the experiment commit of a success.</summary>
internal sealed record QueuedResult(QueueEntry Entry, QueueTaskStatus Status, string? CommitSha, string? Error);
