using Dvc.Core.Errors;

namespace Dvc.Core.Pipeline;

/// <summary>
/// One fully resolved stage: templating, foreach and matrix already expanded, so every string is final.
/// </summary>
public sealed class StageDefinition
{
    /// <summary>Stage name as DVC writes it in dvc.lock: <c>train</c>, <c>train@0</c>, <c>train@cnn-0.1</c>.
    /// For a data source, the .dvc file path relative to the repository root.</summary>
    public required string Name { get; init; }

    /// <summary>The dvc.yaml (or .dvc) file, relative to the DVC repository root, '/'-separated.</summary>
    public required string DvcFile { get; init; }

    public StageKind Kind { get; init; } = StageKind.Pipeline;

    /// <summary>A string (run once per line) or an IReadOnlyList&lt;string&gt; (each item run separately);
    /// null only for data sources.</summary>
    public object? Cmd { get; init; }

    /// <summary>As written, relative to the directory of <see cref="DvcFile"/>; "." by default.</summary>
    public string Wdir { get; init; } = ".";

    public IReadOnlyList<DepSpec> Deps { get; init; } = Array.Empty<DepSpec>();

    public IReadOnlyList<ParamsSpec> Params { get; init; } = Array.Empty<ParamsSpec>();

    /// <summary>outs, metrics and plots together, in definition order.</summary>
    public IReadOnlyList<OutSpec> Outs { get; init; } = Array.Empty<OutSpec>();

    public bool Frozen { get; init; }

    public bool AlwaysChanged { get; init; }

    public string? Desc { get; init; }

    /// <summary>Where the stage is defined (its name key in dvc.yaml).</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>How DVC addresses the stage in messages and DVC_STAGE: the bare name for the root
    /// dvc.yaml, <c>sub/dvc.yaml:name</c> otherwise; a data source by its .dvc path.</summary>
    public string Addressing => Kind == StageKind.DataSource || DvcFile == "dvc.yaml" ? Name : $"{DvcFile}:{Name}";

    /// <summary>The commands to run, one shell each, as DVC splits them.</summary>
    public IReadOnlyList<string> CommandLines => Cmd switch
    {
        null => Array.Empty<string>(),
        string s => s.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray(),
        IReadOnlyList<string> list => list,
        _ => throw new InvalidOperationException("cmd must be a string or a list of strings"),
    };

    /// <summary>The stage's working directory relative to the repository root ('/'-separated, "" for the root).</summary>
    public string WdirFromRoot
    {
        get
        {
            var dir = DvcFile.Contains('/') ? DvcFile[..DvcFile.LastIndexOf('/')] : "";
            return RepoPath.Join(dir, Wdir);
        }
    }

    /// <summary>A dep/out/params path of this stage, relative to the repository root ('/'-separated, normalised).</summary>
    public string PathFromRoot(string path) => RepoPath.Join(WdirFromRoot, path);
}
