namespace Dvc.Core.Checkpoints;

/// <summary>
/// The file a stage command writes to register a checkpoint, as DVC 2's <c>dvc.api.make_checkpoint()</c>
/// did: <c>&lt;DVC root&gt;/.dvc/tmp/DVC_CHECKPOINT</c>. The command then waits until the file is gone.
/// </summary>
internal static class CheckpointSignal
{
    public const string FileName = "DVC_CHECKPOINT";

    /// <summary>Set to "1" in a checkpoint stage's environment during ExpRun; a helper does nothing without it.</summary>
    public const string EnvironmentVariable = "DVC_CHECKPOINT";

    public static string PathFor(string dvcRoot) => Path.Combine(dvcRoot, ".dvc", "tmp", FileName);
}
