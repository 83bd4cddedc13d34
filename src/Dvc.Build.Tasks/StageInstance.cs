using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// One item of DvcResolvePipeline's DispatchedStages output per dispatched stage. Nothing builds
/// these items any more (DvcReproParallel runs the stages in-process and reads the plan from the
/// session); they remain only while DvcResolvePipeline still produces that output.
/// </summary>
internal static class StageInstance
{
    public const string StageProperty = "DvcStageAddress";

    public static ITaskItem Item(string stageProject, string addressing)
    {
        var item = new TaskItem(stageProject);
        item.SetMetadata("AdditionalProperties", StageProperty + "=" + MSBuildPaths.Escape(addressing));
        item.SetMetadata("StageName", MSBuildPaths.Escape(addressing));
        return item;
    }
}
