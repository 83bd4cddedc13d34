namespace Dvc.Core.StageAdd;

/// <summary>What <c>dvc stage add</c> is given: the stage's name, command and paths, as written by the user.</summary>
internal sealed record StageAddRequest
{
    public required string Name { get; init; }

    /// <summary>One command, or several (DVC writes a list when given more than one).</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    public IReadOnlyList<string> Deps { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Outs { get; init; } = Array.Empty<string>();

    /// <summary>DVC's <c>-p</c> values: <c>key,key</c> of params.yaml or <c>file:key,key</c> (<c>file:</c> alone: the whole file).</summary>
    public IReadOnlyList<string> Params { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Metrics { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Plots { get; init; } = Array.Empty<string>();

    /// <summary>The stage's working folder relative to the dvc.yaml's folder; null or "." for that folder.</summary>
    public string? Wdir { get; init; }

    /// <summary>Overwrite a stage of the same name (<c>--force</c>).</summary>
    public bool Force { get; init; }
}
