using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Values;

namespace Dvc.Core.Repro;

/// <summary>
/// Brings a reused plan up to date after edits to params files the stage definitions do not depend
/// on, without loading the pipeline: a stage whose tracked values changed gets the inputs stamp a
/// full resolve would write (<see cref="StageStamps.RewriteParamsDigest"/>), so the planner visits
/// it and DVC's rules decide (run, restore from the run-cache, or nothing); every other stage keeps
/// its stamps and is skipped. Changing one param of a 100-stage pipeline thus costs one params file
/// parse here instead of a full resolve.
/// </summary>
internal static class ParamsEditReconciler
{
    /// <returns>The updated plan, or null when only a full resolve can answer: an edited file that
    /// no longer parses, or a stage whose file or keys went missing (the errors are the full
    /// resolve's to report, pointing at the right lines).</returns>
    /// <param name="changedStages">Receives the stages whose tracked values changed.</param>
    public static ResolvedPipelineCache? Reconcile(ResolvedPipelineCache cache, IReadOnlyCollection<string> editedFiles, out IReadOnlyList<string> changedStages)
    {
        changedStages = Array.Empty<string>();
        var parsed = new Dictionary<string, PyDict>(StringComparer.Ordinal);
        PyDict Read(string path)
        {
            if (!parsed.TryGetValue(path, out var values))
            {
                parsed[path] = values = ParamsFileReader.Read(path);
            }

            return values;
        }

        var edited = new HashSet<string>(editedFiles, StringComparer.Ordinal);
        var stages = new List<PlannedStage>(cache.Stages.Count);
        var outOfDate = new List<PlannedStage>();  // with their new digests
        try
        {
            foreach (var file in edited)
            {
                // Loaded as templating vars even when no stage tracks it: it must still parse.
                Read(file);
            }

            foreach (var stage in cache.Stages)
            {
                if (!stage.Params.Any(p => edited.Contains(p.AbsolutePath)))
                {
                    stages.Add(stage);
                    continue;
                }

                var values = StageParamsValues.Read(stage.Params, Read);
                if (!values.All(v => v.IsComplete))
                {
                    return null;
                }

                var digest = StageStamps.ParamsDigestOf(values);
                var updated = digest == stage.ParamsDigest ? stage : stage with { ParamsDigest = digest };
                stages.Add(updated);
                if (digest != stage.ParamsDigest)
                {
                    outOfDate.Add(updated);
                }
            }
        }
        catch (Exception e) when (e is DvcException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (var stage in outOfDate)
        {
            // The inputs stamp is the last input (see StageStamps.Refresh).
            if (!StageStamps.RewriteParamsDigest(stage.Inputs[^1], stage.ParamsDigest))
            {
                return null;
            }
        }

        changedStages = outOfDate.Select(s => s.Addressing).ToList();
        return cache.With(stages, edited);
    }
}
