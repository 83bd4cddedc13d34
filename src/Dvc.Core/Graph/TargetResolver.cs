using Dvc.Core.Errors;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Graph;

/// <summary>
/// Turns <c>repro</c>/<c>dag</c> targets into stages, following dvc/utils/__init__.py::parse_target and
/// StageLoad: <c>name</c>, a foreach/matrix group, <c>name@key</c>, <c>path/dvc.yaml</c>,
/// <c>path/dvc.yaml:name</c>, <c>file.dvc</c>, or an output path. A stage name wins over a path.
/// </summary>
internal sealed class TargetResolver
{
    public const string RootPipelineFile = "dvc.yaml";

    private readonly StageGraph _graph;
    private readonly string _defaultFile;
    private readonly string _baseDir;
    private readonly Dictionary<string, List<StageDefinition>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Name), StageDefinition> _byName = new();
    private readonly Dictionary<(string File, string Group), List<StageDefinition>> _byGroup = new();

    /// <param name="defaultPipelineFile">The dvc.yaml that bare stage names refer to, repository-relative;
    /// file and output targets are relative to its folder (DVC resolves them against the working directory).</param>
    public TargetResolver(StageGraph graph, string defaultPipelineFile = RootPipelineFile)
    {
        _graph = graph;
        _defaultFile = RepoPath.Normalize(defaultPipelineFile);
        _baseDir = _defaultFile.Contains('/') ? _defaultFile[.._defaultFile.LastIndexOf('/')] : "";
        foreach (var stage in graph.Stages)
        {
            var file = RepoPath.Normalize(stage.DvcFile);
            GetOrAdd(_byFile, file).Add(stage);
            _byName.TryAdd((file, stage.Name), stage);
            var group = GroupOf(stage.Name);
            if (group is not null)
            {
                GetOrAdd(_byGroup, (file, group)).Add(stage);
            }
        }
    }

    /// <summary>Stage names in targets are glob patterns (<c>--glob</c>, Python's fnmatch).</summary>
    public bool Glob { get; init; }

    /// <summary>With <c>-R</c>: the repository-relative folder a target names ("" for the root), or null
    /// when it names none; every stage whose file is below that folder is a target.</summary>
    public Func<string, string?>? FolderOf { get; init; }

    /// <summary>Whether a repository-relative file is below a folder ("" is the root), as DVC's <c>path_isin</c>.</summary>
    public static bool IsInside(string file, string folder) =>
        folder.Length == 0 || file.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>The foreach/matrix group of a generated stage name (<c>train@cnn-0.1</c> → <c>train</c>):
    /// the part before the last '@', since keys never contain one but group names might.</summary>
    public static string? GroupOf(string stageName)
    {
        var at = stageName.LastIndexOf('@');
        return at > 0 ? stageName[..at] : null;
    }

    /// <summary>Resolves a ';'-separated list of targets; each stage appears once, in order of first mention.</summary>
    public IReadOnlyList<StageDefinition> Resolve(string spec)
    {
        var result = new List<StageDefinition>();
        var seen = new HashSet<StageDefinition>(ReferenceEqualityComparer.Instance);
        foreach (var target in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result.AddRange(ResolveOne(target).Where(seen.Add));
        }

        return result;
    }

    public IReadOnlyList<StageDefinition> ResolveOne(string target)
    {
        var normalized = target.Replace('\\', '/');
        if (FolderOf?.Invoke(RepoPath.Join(_baseDir, normalized)) is { } folder)
        {
            // DVC's collect_inside_path: the stages of every pipeline and .dvc file below the folder.
            var inside = _graph.Stages.Where(s => IsInside(RepoPath.Normalize(s.DvcFile), folder)).ToList();
            return inside.Count > 0
                ? inside
                : throw new DvcException(DvcErrorCode.UnknownTarget, $"no dvc.yaml or .dvc file below '{target}'");
        }

        if (Glob && normalized.AsSpan().IndexOfAny("*?[") >= 0)
        {
            return Matching(normalized);
        }

        if (normalized.EndsWith(".dvc", StringComparison.Ordinal) || IsPipelineFile(normalized))
        {
            return StagesOfFile(RepoPath.Join(_baseDir, normalized));
        }

        var colon = normalized.LastIndexOf(':');
        if (colon > 0 && IsPipelineFile(normalized[..colon]))
        {
            var file = RepoPath.Join(_baseDir, normalized[..colon]);
            StagesOfFile(file);
            return NamedStages(file, normalized[(colon + 1)..]) ?? throw NotFound(normalized[(colon + 1)..], normalized[..colon]);
        }

        return NamedStages(_defaultFile, normalized)
            ?? StagesProducing(RepoPath.Join(_baseDir, normalized))
            ?? throw NotFound(normalized, _defaultFile[(_baseDir.Length == 0 ? 0 : _baseDir.Length + 1)..]);
    }

    /// <summary><c>--glob</c>: the stages of the file (the default one, or <c>file:pattern</c>) whose names match.</summary>
    private IReadOnlyList<StageDefinition> Matching(string target)
    {
        var colon = target.LastIndexOf(':');
        var (file, pattern) = colon > 0 && IsPipelineFile(target[..colon])
            ? (RepoPath.Join(_baseDir, target[..colon]), target[(colon + 1)..])
            : (_defaultFile, target);
        var matcher = FnMatch.ToRegex(pattern);
        var matched = (_byFile.TryGetValue(file, out var stages) ? stages : new List<StageDefinition>())
            .Where(s => matcher.IsMatch(s.Name))
            .ToList();
        return matched.Count > 0
            ? matched
            : throw new DvcException(DvcErrorCode.UnknownTarget, $"no stage inside '{file}' matches '{pattern}'");
    }

    private static bool IsPipelineFile(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name is "dvc.yaml" or "dvc.yml";
    }

    private static DvcException NotFound(string name, string file) =>
        new(DvcErrorCode.UnknownTarget, $"Stage '{name}' not found inside '{file}' file");

    private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map.Add(key, value);
        }

        return value;
    }

    private IReadOnlyList<StageDefinition> StagesOfFile(string file) =>
        _byFile.TryGetValue(file, out var stages)
            ? stages
            : throw new DvcException(DvcErrorCode.UnknownTarget, $"'{file}' does not exist");

    private IReadOnlyList<StageDefinition>? NamedStages(string file, string name)
    {
        if (_byName.TryGetValue((file, name), out var stage))
        {
            return new[] { stage };
        }

        return _byGroup.TryGetValue((file, name), out var group) ? group : null;
    }

    /// <summary>An output path, or a path inside a tracked directory, names the stage that produces it.</summary>
    private IReadOnlyList<StageDefinition>? StagesProducing(string path)
    {
        if (path.Length == 0 || RepoPath.IsOutside(path))
        {
            return null;
        }

        var output = _graph.Outputs.Prefixes(OutputTrie.Split(path)).FirstOrDefault();
        return output is null ? null : new[] { output.Stage };
    }
}
