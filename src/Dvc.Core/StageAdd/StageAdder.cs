using Dvc.Core.Errors;
using Dvc.Core.Graph;
using Dvc.Core.IO;
using Dvc.Core.Pipeline;
using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.StageAdd;

/// <summary>
/// <c>dvc stage add</c>: writes the stage into the folder's dvc.yaml (see <see cref="StageTextEditor"/>),
/// after checking the whole repository's pipelines with it as DVC's <c>check_graph</c> does (a duplicate
/// or overlapping output, a cycle), then adds its cached outputs to .gitignore. Nothing runs and
/// dvc.lock is not touched. A failed check writes nothing.
/// </summary>
internal sealed class StageAdder
{
    private readonly DvcRepository _repository;

    public StageAdder(DvcRepository repository) => _repository = repository;

    /// <summary>Lines DVC prints (<c>Creating 'dvc.yaml'</c>, <c>Adding stage 'x' in 'dvc.yaml'</c>).</summary>
    public List<string> Messages { get; } = new();

    /// <summary>Files git should be told about, absolute.</summary>
    public List<string> ChangedFiles { get; } = new();

    /// <param name="projectDirectory">The folder whose dvc.yaml gets the stage.</param>
    public void Add(string projectDirectory, StageAddRequest request)
    {
        Validate(request);
        var absolute = Path.Combine(Path.GetFullPath(projectDirectory), "dvc.yaml");
        var dvcFile = _repository.Relative(absolute);
        const string display = "dvc.yaml";
        var text = File.Exists(absolute) ? File.ReadAllText(absolute) : null;
        var entry = StageEntrySerializer.Serialize(request);
        var (newText, replaced) = StageTextEditor.Put(text, absolute, display, request.Name, entry, request.Force);

        var pipeline = PipelineLoader.Parse(newText, dvcFile, new WorkspaceSources(_repository.RootDir));
        var others = PipelineContext.FindAllPipelineFiles(_repository)
            .Where(f => f != dvcFile)
            .SelectMany(f => PipelineLoader.Load(_repository.RootDir, f).Stages);
        StageGraph.Build(others.Concat(pipeline.Stages).ToList(), _repository.RootDir);

        if (string.IsNullOrEmpty(text))
        {
            Messages.Add($"Creating '{display}'");
        }

        Messages.Add($"{(replaced ? "Modifying" : "Adding")} stage '{request.Name}' in '{display}'");
        AtomicFile.WriteAllText(absolute, newText);
        ChangedFiles.Add(absolute);

        var stage = pipeline.Stages.First(s => s.Name == request.Name);
        foreach (var output in stage.Outs.Where(o => o.Cache && !RepoPath.IsUrl(o.Path)))
        {
            var outputPath = _repository.Absolute(stage.PathFromRoot(output.Path));
            if (Directory.Exists(Path.GetDirectoryName(outputPath)) && GitIgnoreFile.AddEntry(outputPath) is { } ignoreFile)
            {
                ChangedFiles.Add(ignoreFile);
            }
        }
    }

    private static void Validate(StageAddRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Commands.Count == 0 || request.Commands.Any(string.IsNullOrWhiteSpace))
        {
            throw new DvcException(DvcErrorCode.StageAddIncomplete, "StageAdd needs the stage's name and command: -p:Name=train -p:Cmd=\"python train.py\"");
        }

        if (request.Name.AsSpan().IndexOfAny("!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~ \t") >= 0)
        {
            throw new DvcException(DvcErrorCode.InvalidStageName, $"Invalid stage name '{request.Name}': it may contain only letters, digits, '_' and '-'");
        }

        StageEntrySerializer.CheckPaths(request);
    }
}
