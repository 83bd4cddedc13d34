using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Checkpoints;

/// <summary>Where a checkpoint goes once the stage was committed (cache and dvc.lock): ExpRun's commit chain.</summary>
internal interface ICheckpointRecorder
{
    /// <summary>Before the command of a checkpoint stage starts (the workspace's changes so far are known here).</summary>
    void Starting(StageDefinition stage, PipelineContext context);

    /// <summary>One checkpoint: the stage's outputs are in the cache and <paramref name="entry"/> is in dvc.lock.</summary>
    /// <returns>The checkpoint's commit.</returns>
    string Record(StageDefinition stage, LockEntry entry, PipelineContext context);
}
