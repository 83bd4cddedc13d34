namespace Dvc.Core.Repro;

internal sealed record ReproOptions
{
    /// <summary>Reproduce even unchanged stages and skip both cache restore paths (<c>dvc repro -f</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Do not look results up in the run-cache (<c>--no-run-cache</c>).</summary>
    public bool NoRunCache { get; init; }

    /// <summary><c>dvc repro --pull</c>: missing outputs and run-cache entries come from the remote before a stage would run.</summary>
    public bool Pull { get; init; }

    /// <summary>With <see cref="Pull"/>: the remote (<c>-r</c>); null: the default remote.</summary>
    public string? PullRemote { get; init; }

    /// <summary>With <see cref="Pull"/>: parallel transfers; null: the remote's <c>jobs</c> or DVC's default.</summary>
    public int? PullJobs { get; init; }

    /// <summary>The build is an experiment run: no "up to date" line or git hints at the end.</summary>
    public bool IsExperiment { get; init; }

    /// <summary>Extra environment for stage commands (experiments add DVC_EXP_*).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
