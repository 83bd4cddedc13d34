using System.Runtime.InteropServices;
using Dvc.Build.QueueWorker;
using Dvc.Core.Errors;
using Dvc.Core.Queue.Slurm;

// dotnet Dvc.Build.QueueWorker.dll --project <dir> --entry <stash rev> --stash <ref> [--shared-dir <dir>] [--remote <name>]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

if (!options.TryGetValue("--project", out var project) || !options.TryGetValue("--entry", out var entry) || !options.TryGetValue("--stash", out var stash))
{
    Console.Error.WriteLine("usage: Dvc.Build.QueueWorker --project <dir> --entry <stash rev> --stash <ref> [--shared-dir <dir>] [--remote <name>]");
    return 2;
}

using var cancellation = new CancellationTokenSource();
// scancel, a time limit or preemption send SIGTERM (then SIGKILL after KillWait): stop the stages'
// process trees and leave the entry as a cancelled run would, instead of dying mid-write.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
var request = new SlurmEntryRequest(project, entry, stash, options.GetValueOrDefault("--shared-dir"), options.GetValueOrDefault("--remote"));
try
{
    SlurmEntryJob.Run(request, new ConsoleLog(), cancellation.Token);
    return 0;
}
catch (DvcException e)
{
    return Error(e.Code, e.Message);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Error(DvcErrorCode.IoFailed, "I/O error: " + e.Message);
}

int Error(string code, string message)
{
    Console.Out.Flush();
    Console.Error.WriteLine($"{project} : error {code}: {message}");
    return 1;
}
