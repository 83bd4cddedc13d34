using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dvc.Core.Errors;
using Dvc.Core.Experiments;

namespace Dvc.Core.Queue.Slurm;

/// <summary>What a job needs to run one entry: the user's project, where workspaces go, what else to
/// tell sbatch, the DVC remote outputs travel through (null: a shared cache) and the worker program.</summary>
internal sealed record SlurmSettings(string ProjectDirectory, string? SharedDir, IReadOnlyList<string> SbatchOptions, string? Remote, string WorkerPath);

/// <summary>
/// Submits queued entries as one <c>sbatch --array</c>: task i runs entry i with the small worker
/// program (<see cref="SlurmEntryJob"/>), which runs it through the same <see cref="QueuedRunner"/> a
/// local RunAll uses (claim, isolated workspace, the one planner and executor, the experiment ref in
/// the user's repository). Nothing in the job is Slurm-specific but its array index.
/// </summary>
internal static class SlurmSubmission
{
    /// <summary>The worker, beside the task assembly in the same task folder.</summary>
    public const string WorkerFileName = "Dvc.Build.QueueWorker.dll";

    /// <summary>Submits and writes each entry's <see cref="SlurmJobRecord"/>; returns the array job id.</summary>
    public static string Submit(ExperimentWorkspace workspace, IReadOnlyList<QueueEntry> entries, string stashRef, SlurmSettings settings)
    {
        var repository = workspace.Repository;
        // Checked here: a job would only fail on the node, once per array task, with the host's words.
        if (!File.Exists(settings.WorkerPath))
        {
            throw new DvcException(DvcErrorCode.SlurmWorkerMissing,
                $"the program Slurm jobs run, '{settings.WorkerPath}', is missing beside the task assembly: build Dvc.Build.sln (or reinstall the package) so that {WorkerFileName} and its .runtimeconfig.json are there");
        }

        var sharedDir = Path.GetFullPath(settings.SharedDir ?? QueuePaths.ExpsDir(repository));
        var logDir = Path.Combine(sharedDir, "slurm");
        Directory.CreateDirectory(logDir);
        var script = Path.Combine(logDir, $"submit-{entries[0].StashRev[..12]}-{entries.Count}.sh");
        File.WriteAllText(script, Script(entries, stashRef, settings, settings.SharedDir is null ? null : sharedDir));

        var arguments = new List<string>
        {
            "--parsable",
            $"--array=0-{entries.Count - 1}",
            "--job-name=dvc-exp",
            "--output=" + Path.Combine(logDir, "slurm-%A_%a.out"),
            "--chdir=" + Path.GetFullPath(settings.ProjectDirectory),
        };
        arguments.AddRange(settings.SbatchOptions);
        arguments.Add(script);
        var result = SlurmCli.Run("sbatch", arguments, settings.ProjectDirectory);
        if (result.ExitCode != 0)
        {
            throw SlurmCli.IsUnreachable(result)
                ? new DvcException(DvcErrorCode.SlurmUnreachable, $"the Slurm cluster cannot be reached: {result.Quote("sbatch")}")
                : new DvcException(DvcErrorCode.SlurmSubmissionRejected, $"Slurm rejected the submission: {result.Quote("sbatch")}");
        }

        var jobId = result.StandardOutput.Trim().Split(';')[0];
        for (var i = 0; i < entries.Count; i++)
        {
            var taskId = $"{jobId}_{i.ToString(CultureInfo.InvariantCulture)}";
            new SlurmJobRecord(taskId, Path.Combine(logDir, $"slurm-{taskId}.out"), stashRef).Save(repository, entries[i].StashRev);
            File.Delete(SlurmJobRecord.ErrorFile(repository, entries[i].StashRev));
        }

        return jobId;
    }

    /// <summary>SlurmOptions split as a shell would split words (quotes group, no expansion).</summary>
    public static IReadOnlyList<string> SplitOptions(string? options)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in options ?? "")
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static string Script(IReadOnlyList<QueueEntry> entries, string stashRef, SlurmSettings settings, string? sharedDir)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append("# Submitted by Dvc.Build (ExpRun -p:Executor=slurm): array task i runs queued experiment i.\n");
        text.Append("revs=(").AppendJoin(" ", entries.Select(e => e.StashRev)).Append(")\n");
        text.Append("rev=${revs[$SLURM_ARRAY_TASK_ID]}\n");
        text.Append("exec ").Append(Quote(dotnet)).Append(' ').Append(Quote(settings.WorkerPath))
            .Append(" --project ").Append(Quote(Path.GetFullPath(settings.ProjectDirectory)))
            .Append(" --entry \"$rev\" --stash ").Append(Quote(stashRef));
        if (sharedDir is not null)
        {
            text.Append(" --shared-dir ").Append(Quote(sharedDir));
        }

        if (settings.Remote is not null)
        {
            text.Append(" --remote ").Append(Quote(settings.Remote));
        }

        text.Append('\n');
        return text.ToString();
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>For the submission-time figure in the build's output.</summary>
    public static string Elapsed(Stopwatch watch) => watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
