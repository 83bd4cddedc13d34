// Registers a DVC checkpoint from a stage command (Dvc.Build, DVC 2's dvc.api.make_checkpoint()).
// Include it in a stage's project: <Compile Include="$(DvcCheckpointSource)" />, or copy it beside a
// .NET 10 file-based app. Works from any process: the protocol is a file, described in README.md.
#nullable enable

namespace Dvc.Build;

/// <summary>Registers checkpoints of the running stage while ExpRun records them.</summary>
public static class DvcCheckpoint
{
    /// <summary>
    /// Asks the build to record the stage's checkpoint outputs as they are now (cache, dvc.lock, a
    /// commit on the experiment), and returns when it has. Does nothing unless the stage runs as a
    /// checkpoint stage of an ExpRun (DVC_CHECKPOINT=1), so the same code also runs under Repro.
    /// </summary>
    public static void Make() => Make(System.Threading.CancellationToken.None);

    /// <inheritdoc cref="Make()"/>
    public static void Make(System.Threading.CancellationToken cancellation)
    {
        if (System.Environment.GetEnvironmentVariable("DVC_CHECKPOINT") != "1")
        {
            return;
        }

        var root = System.Environment.GetEnvironmentVariable("DVC_ROOT");
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        var directory = System.IO.Path.Combine(root, ".dvc", "tmp");
        System.IO.Directory.CreateDirectory(directory);
        var signal = System.IO.Path.Combine(directory, "DVC_CHECKPOINT");

        // Written under another name and renamed, so the build never sees a half-written signal.
        var temporary = System.IO.Path.Combine(directory, "DVC_CHECKPOINT." + System.Environment.ProcessId + ".tmp");
        System.IO.File.WriteAllText(temporary, "");
        System.IO.File.Move(temporary, signal, overwrite: true);

        // The build deletes the signal once the checkpoint is recorded.
        while (System.IO.File.Exists(signal))
        {
            cancellation.ThrowIfCancellationRequested();
            System.Threading.Thread.Sleep(10);
        }
    }
}
