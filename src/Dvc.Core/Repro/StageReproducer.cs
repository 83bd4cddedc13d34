using Dvc.Core.Errors;
using Dvc.Core.Execution;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Progress;
using Dvc.Core.Repository;
using Dvc.Core.Status;

namespace Dvc.Core.Repro;

/// <summary>
/// Reproduces one stage the way DVC's <c>Stage.reproduce</c> → <c>Stage.run</c> does: decide by
/// content, remove outputs, restore from the cache when possible, otherwise run the command line by
/// line, then hash, cache and record the result in dvc.lock at once.
/// </summary>
internal sealed class StageReproducer
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);
    private readonly PipelineContext _context;
    private readonly IReproLog _log;
    private readonly StageRestorer _restorer;
    private readonly ICommandRunner _commands;
    private readonly Remotes.RemotePull? _pull;

    /// <param name="commands">Runs the stage's command lines (default: a shell each).</param>
    /// <param name="pull">With <c>Pull</c>: where the restore paths fetch missing objects and run-cache entries.</param>
    public StageReproducer(PipelineContext context, IReproLog log, ICommandRunner? commands = null, Remotes.RemotePull? pull = null)
    {
        _context = context;
        _log = log;
        _restorer = new StageRestorer(context);
        _commands = commands ?? ShellCommands.Instance;
        _pull = pull;
    }

    public StageOutcome Reproduce(StageDefinition stage, ReproOptions options, CancellationToken cancellation)
    {
        var lockEntry = _context.LockEntryOf(stage);
        if (stage.Frozen)
        {
            _log.Info($"stage: '{stage.Addressing}' is frozen. Its dependencies are not going to be reproduced.");
        }

        // Set before change detection: that is where a corrupted object is usually found first.
        _context.Workspace.Cache.Warning = message => _log.Warning(DvcErrorCode.CorruptedCacheObject, message);
        var status = new ChangeDetector(_context).Evaluate(stage, lockEntry, firstReasonOnly: true);
        // A checkpoint stage of an experiment always runs: it resumes from its checkpoint outputs (DVC 2).
        if (!options.Force && !status.IsChanged && !options.RecordsCheckpoints(stage))
        {
            _log.Info(stage.Kind == StageKind.DataSource
                ? $"'{stage.Name}' didn't change, skipping"
                : $"Stage '{stage.Addressing}' didn't change, skipping");
            return StageOutcome.Unchanged;
        }

        foreach (var reason in StatusText.Explain(status))
        {
            _log.Detail($"Stage '{stage.Addressing}': {reason}");
        }

        if (options.Prompt is { } prompt && !prompt.Confirm($"Going to reproduce stage: '{stage.Addressing}'. Are you sure you want to continue?", _log, cancellation))
        {
            throw new DvcException(DvcErrorCode.ReproductionAborted, $"failed to reproduce '{stage.Addressing}': reproduction aborted by the user", stage.Location);
        }

        var parameters = _context.Workspace.ReadParams(stage);
        StageOutcome outcome;
        if (stage.Kind == StageKind.DataSource)
        {
            _log.Info($"Verifying data sources in stage: '{stage.Addressing}'");
            PullMissingDataSource(stage, lockEntry, cancellation);
            VerifyOutputsExist(stage, DvcErrorCode.MissingDataSource);
            outcome = StageOutcome.Verified;
        }
        else if (stage.Frozen)
        {
            _log.Info($"Verifying outputs in frozen stage: '{stage.Addressing}'");
            VerifyOutputsExist(stage, DvcErrorCode.FrozenStageMissingOutput);
            outcome = StageOutcome.Verified;
        }
        else
        {
            using (RepositoryLock.Acquire(_context.Repository, LockTimeout))
            {
                OutputRemover.RemoveOutputs(_context.Repository, stage);
            }

            outcome = TryRestore(stage, lockEntry, status, parameters, options, cancellation) ? StageOutcome.Restored : StageOutcome.Ran;
            if (outcome == StageOutcome.Ran)
            {
                RunCommands(stage, options, cancellation);
            }
        }

        Commit(stage, lockEntry, parameters);
        return outcome;
    }

    /// <summary>
    /// Records the stage as its files are now: outputs into the cache, the run-cache entry, the dvc.lock
    /// entry (the end of every reproduction, and <c>dvc commit --force</c> for <c>exp save</c>).
    /// </summary>
    public LockEntry Commit(StageDefinition stage) => Commit(stage, _context.LockEntryOf(stage), _context.Workspace.ReadParams(stage));

    private LockEntry Commit(StageDefinition stage, LockEntry? lockEntry, IReadOnlyList<StageParamsValues> parameters)
    {
        using (RepositoryLock.Acquire(_context.Repository, LockTimeout))
        {
            var entry = StageSnapshot.Capture(_context, stage, lockEntry);
            var committer = new OutputCommitter(_context);
            committer.Commit(stage, entry);
            if (RunCachePolicy.CanSave(stage, parameters))
            {
                foreach (var output in stage.Outs.Where(o => !o.Cache))
                {
                    committer.AddToCache(_context.Repository.Absolute(stage.PathFromRoot(output.Path)), entry.Outs.First(i => i.Path == output.Path));
                }

                _restorer.RunCache.Save(entry);
            }

            RecordInLock(stage, entry);
            return entry;
        }
    }

    private bool TryRestore(StageDefinition stage, LockEntry? lockEntry, StageStatus status, IReadOnlyList<StageParamsValues> parameters, ReproOptions options, CancellationToken cancellation)
    {
        if (options.Force || !RunCachePolicy.CanUse(stage, parameters))
        {
            return false;
        }

        var pull = _pull is null ? null : new PullHook(
            (s, e) => _pull.FetchOutputs(s, e, PullWarning, cancellation),
            () => _pull.PullRunCache(PullWarning, cancellation));
        var entry = _restorer.FindInLock(stage, lockEntry, status, pull);
        if (entry is null && !options.NoRunCache)
        {
            var inputs = StageSnapshot.CaptureInputs(_context, stage, lockEntry);
            entry = _restorer.FindInRunCache(stage, inputs, message => _log.Warning(DvcErrorCode.CorruptedCacheObject, message), pull);
        }

        if (entry is null)
        {
            return false;
        }

        _log.Info($"Stage '{stage.Addressing}' is cached - skipping run, checking out outputs");
        using (RepositoryLock.Acquire(_context.Repository, LockTimeout))
        {
            _restorer.Restore(stage, entry);
        }

        return true;
    }

    private void PullWarning(string message) => _log.Warning(DvcErrorCode.RemoteObjectMissing, message);

    /// <summary>With <c>Pull</c>, a data source's missing outputs come from the remote, as <c>dvc repro --pull</c> brings them.</summary>
    private void PullMissingDataSource(StageDefinition stage, LockEntry? recorded, CancellationToken cancellation)
    {
        if (_pull is null || recorded is null || stage.Outs.All(o => File.Exists(_context.Repository.Absolute(stage.PathFromRoot(o.Path))) || Directory.Exists(_context.Repository.Absolute(stage.PathFromRoot(o.Path)))))
        {
            return;
        }

        _pull.FetchOutputs(stage, recorded, PullWarning, cancellation);
        using (RepositoryLock.Acquire(_context.Repository, LockTimeout))
        {
            OutputCheckout.CheckOut(_context, [stage]);
        }
    }

    /// <summary>A frozen stage or a data source never runs; DVC only records what its outputs are now.</summary>
    private void VerifyOutputsExist(StageDefinition stage, string errorCode)
    {
        var missing = stage.Outs.Where(o => _context.Workspace.Hash(stage.PathFromRoot(o.Path), legacy: false) is null).ToList();
        if (missing.Count > 0)
        {
            throw new DvcException(
                errorCode,
                $"failed to reproduce '{stage.Addressing}': missing data 'source': {string.Join(", ", missing.Select(o => o.Path))}",
                missing[0].Location ?? stage.Location);
        }
    }

    private void RunCommands(StageDefinition stage, ReproOptions options, CancellationToken cancellation)
    {
        _log.Info($"Running stage '{stage.Addressing}':");
        // Replaces whatever a status line showed before (hashing the deps) for as long as it runs.
        _log.Progress(new ProgressReport("Running", stage.Addressing, 0, 0, ProgressUnit.None));
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("DVC_ROOT") is null)
        {
            environment["DVC_ROOT"] = _context.Repository.RootDir;
        }

        foreach (var (key, value) in options.Environment)
        {
            environment[key] = value;
        }

        environment["DVC_STAGE"] = stage.Addressing;
        var workingDirectory = _context.Repository.Absolute(stage.WdirFromRoot);
        using var monitor = StartCheckpointMonitor(stage, options, environment, cancellation);
        try
        {
            RunCommandLines(stage, workingDirectory, environment, monitor?.CommandCancellation ?? cancellation);
        }
        catch (DvcException) when (monitor is not null)
        {
            // Checkpoints registered before the failure are kept; one that failed explains the stop.
            monitor.Complete();
            throw;
        }

        monitor?.Complete();
    }

    /// <summary>In an experiment, a checkpoint stage's command registers checkpoints (DVC_CHECKPOINT=1).</summary>
    private Checkpoints.CheckpointMonitor? StartCheckpointMonitor(StageDefinition stage, ReproOptions options, Dictionary<string, string?> environment, CancellationToken cancellation)
    {
        if (!options.RecordsCheckpoints(stage))
        {
            return null;
        }

        var recorder = options.CheckpointRecorder!;
        recorder.Starting(stage, _context);
        environment[Checkpoints.CheckpointSignal.EnvironmentVariable] = "1";
        // Where the helper writes the signal: the tree being reproduced (a queued run's own workspace), as DVC 2's stage env said.
        environment["DVC_ROOT"] = _context.Repository.RootDir;
        return new Checkpoints.CheckpointMonitor(
            Checkpoints.CheckpointSignal.PathFor(_context.Repository.RootDir),
            () =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var entry = Commit(stage);
                var committed = clock.ElapsedMilliseconds;
                var commit = recorder.Record(stage, entry, _context);
                _log.Info($"Checkpoint experiment iteration '{commit[..7]}'.");
                _log.Detail($"Checkpoint of '{stage.Addressing}': outputs cached and dvc.lock written in {committed} ms, commit in {clock.ElapsedMilliseconds - committed} ms");
            },
            cancellation);
    }

    private void RunCommandLines(StageDefinition stage, string workingDirectory, Dictionary<string, string?> environment, CancellationToken cancellation)
    {
        foreach (var line in stage.CommandLines)
        {
            _log.Info("> " + line);
            int exitCode;
            try
            {
                exitCode = _commands.Run(line, workingDirectory, environment, _log.CommandOutput, cancellation);
            }
            catch (OperationCanceledException)
            {
                throw Cancelled(stage, line);
            }

            if (exitCode != 0 && ShellCommandRunner.WasCancelled(exitCode, cancellation))
            {
                throw Cancelled(stage, line);
            }

            if (exitCode != 0)
            {
                throw new DvcException(
                    DvcErrorCode.StageCommandFailed,
                    $"failed to reproduce '{stage.Addressing}': failed to run: {line}, exited with {exitCode}",
                    stage.Location);
            }
        }
    }

    private static DvcException Cancelled(StageDefinition stage, string line) =>
        new(DvcErrorCode.StageCancelled, $"failed to reproduce '{stage.Addressing}': cancelled while running: {line}", stage.Location);

    private void RecordInLock(StageDefinition stage, LockEntry entry)
    {
        var (created, changed) = _context.UpdateLock(stage, entry);
        if (stage.Kind == StageKind.DataSource)
        {
            return; // DVC rewrites the .dvc file silently; the git hint lists it
        }

        var lockName = PipelineContext.LockPathFor(stage.DvcFile);
        if (created)
        {
            _log.Info($"Generating lock file '{lockName}'");
        }

        if (changed)
        {
            _log.Info($"Updating lock file '{lockName}'");
        }
    }
}
