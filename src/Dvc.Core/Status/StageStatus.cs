namespace Dvc.Core.Status;

/// <summary>Why a stage is (or is not) out of date, in DVC's categories (dvc/stage/__init__.py::Stage.status).</summary>
internal sealed class StageStatus
{
    public bool CommandChanged { get; set; }

    /// <summary>always_changed, or a command with neither deps nor outs (DVC's "callback" stage).</summary>
    public bool AlwaysChanged { get; set; }

    /// <summary>No dvc.lock entry yet: everything is new.</summary>
    public bool NoLockEntry { get; set; }

    public List<PathChange> Deps { get; } = new();

    public List<ParamChange> Params { get; } = new();

    public List<PathChange> Outs { get; } = new();

    public bool IsChanged => CommandChanged || AlwaysChanged || Deps.Count > 0 || Params.Count > 0 || Outs.Count > 0;

    /// <summary>True when the only differences are outputs missing from the workspace or cache,
    /// so cached results can be checked out instead of running the command.</summary>
    public bool OnlyOutputsChanged => !CommandChanged && !AlwaysChanged && Deps.Count == 0 && Params.Count == 0;
}
