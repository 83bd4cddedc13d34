using Dvc.Core.Repository;
using Dvc.Core.StageAdd;

namespace Dvc.Build.Tasks;

/// <summary>
/// <c>dvc stage add</c>: writes a stage into the project folder's dvc.yaml with DVC's key order and list
/// style, leaving the rest of the file's text as it was, and adds its outputs to .gitignore. Runs nothing.
/// </summary>
public sealed class DvcStageAdd : DvcCancelableTask
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    [Microsoft.Build.Framework.Required]
    public string ProjectDirectory { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>The stage's command, one string (a ';' in it is part of the command).</summary>
    public string? Cmd { get; set; }

    /// <summary>';'-separated paths.</summary>
    public string? Deps { get; set; }

    /// <summary>';'-separated paths.</summary>
    public string? Outs { get; set; }

    /// <summary>';'-separated values of DVC's -p: <c>key,key</c> or <c>file.yaml:key,key</c>.</summary>
    public string? Params { get; set; }

    /// <summary>';'-separated paths.</summary>
    public string? Metrics { get; set; }

    /// <summary>';'-separated paths.</summary>
    public string? Plots { get; set; }

    public string? Wdir { get; set; }

    /// <summary>Overwrite a stage of the same name.</summary>
    public bool Force { get; set; }

    protected override void Run()
    {
        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, null, WriteLine, Cancellation);
        var repository = DvcRepository.Require(ProjectDirectory);
        var adder = new StageAdder(repository);
        var request = new StageAddRequest
        {
            Name = Name?.Trim() ?? "",
            Commands = string.IsNullOrWhiteSpace(Cmd) ? Array.Empty<string>() : new[] { Cmd.Trim() },
            Deps = Split(Deps),
            Outs = Split(Outs),
            Params = Split(Params),
            Metrics = Split(Metrics),
            Plots = Split(Plots),
            Wdir = Wdir,
            Force = Force,
        };
        using (RepositoryLock.Acquire(repository, LockTimeout))
        {
            adder.Add(ProjectDirectory, request);
        }

        var log = CreateLog();
        foreach (var message in adder.Messages)
        {
            log.Info(message);
        }

        var projectDir = System.IO.Path.GetFullPath(ProjectDirectory);
        log.Info("");
        log.Info("To track the changes with git, run:");
        log.Info("");
        log.Info("\tgit add " + string.Join(' ', adder.ChangedFiles.Select(f => System.IO.Path.GetRelativePath(projectDir, f).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal)));
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
