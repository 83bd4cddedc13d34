using Dvc.Core.Pipeline;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// The files through which the nodes of one parallel build talk: the dispatch manifest, one
/// outcome file per finished stage (with the files git should be told about) and a failure marker
/// per failed stage, so no new stage starts once one has failed. Files, because nodes are
/// separate processes; one folder per build id, so builds never read each other's state.
/// </summary>
public sealed class ParallelBuildState
{
    private const string FailedPrefix = "failed.";
    private const string OutcomePrefix = "outcome.";

    public ParallelBuildState(string directory) => Directory = directory;

    public static ParallelBuildState For(DvcRepository repository, string buildId) =>
        new(Path.Combine(repository.BuildStateDir, "builds", buildId));

    public string Directory { get; }

    public string ManifestPath => Path.Combine(Directory, "manifest.json");

    /// <summary>Starts from nothing: an IDE may evaluate a project once and reuse its build id.</summary>
    public void Reset()
    {
        Delete();
        System.IO.Directory.CreateDirectory(Directory);
    }

    public void Delete()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    public bool HasFailure => System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFiles(Directory, FailedPrefix + "*").Any();

    public void MarkFailed(StageDefinition stage) => WriteAtomic(FailedPrefix + StageStamps.FileName(stage), stage.Addressing + "\n");

    public void RecordOutcome(StageDefinition stage, ParallelOutcome outcome, IEnumerable<string> changedFiles) =>
        WriteAtomic(OutcomePrefix + StageStamps.FileName(stage), string.Join("\n", changedFiles.Prepend(outcome.ToString())) + "\n");

    /// <summary>The recorded outcome of a stage, or null when it never started.</summary>
    public (ParallelOutcome Outcome, IReadOnlyList<string> ChangedFiles)? ReadOutcome(StageDefinition stage)
    {
        var path = Path.Combine(Directory, OutcomePrefix + StageStamps.FileName(stage));
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        return (Enum.Parse<ParallelOutcome>(lines[0]), lines.Skip(1).ToList());
    }

    private void WriteAtomic(string name, string content)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
