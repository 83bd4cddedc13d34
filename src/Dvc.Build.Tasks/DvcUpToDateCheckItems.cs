using Dvc.Core.Pipeline;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// Every file whose change can make the project's pipeline run, for Visual Studio's fast
/// up-to-date check: pipeline and lock files, params files, deps and outs (folders as their files,
/// since a folder counts as a missing file). Reads only, so design-time builds may run it.
/// </summary>
public sealed class DvcUpToDateCheckItems : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    [Output]
    public ITaskItem[] Inputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>A stage runs on every build (<see cref="Dvc.Core.Pipeline.StageDefinition.RunsEveryTime"/>).</summary>
    [Output]
    public bool AlwaysChanged { get; set; }

    protected override void Run()
    {
        var (context, plan) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = ProjectDirectory });
        using (context)
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var stage in plan)
            {
                files.Add(context.Repository.Absolute(stage.DvcFile));
                var lockFile = context.Repository.Absolute(PipelineContext.LockPathFor(stage.DvcFile));
                if (File.Exists(lockFile))
                {
                    files.Add(lockFile);
                }

                var paths = stage.Params.Select(p => p.File)
                    .Concat(stage.Frozen ? [] : stage.Deps.Select(d => d.Path))
                    .Concat(stage.Outs.Select(o => o.Path));
                foreach (var path in paths)
                {
                    AddFiles(context.Repository.Absolute(stage.PathFromRoot(path)), files);
                }

                AlwaysChanged |= stage.RunsEveryTime;
            }

            Inputs = files.Select(f => (ITaskItem)new TaskItem(MSBuildPaths.Escape(f))).ToArray();
            Log.LogMessage(MessageImportance.Low, "Pipeline of '{0}': {1} input files for the up-to-date check", ProjectDirectory, Inputs.Length);
        }
    }

    private static void AddFiles(string path, SortedSet<string> files)
    {
        if (Directory.Exists(path))
        {
            files.UnionWith(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories));
        }
        else
        {
            files.Add(path);
        }
    }
}
