using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// An item for the MSBuild task that builds the stage project for one stage. The stage is the only
/// global property that differs between instances, so every caller asking for a stage (the entry
/// project, each downstream stage) names the same configuration and MSBuild runs it once.
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
