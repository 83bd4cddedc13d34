namespace Dvc.Core.Pipeline;

/// <summary>The files of the working tree under a repository root.</summary>
internal sealed class WorkspaceSources : IPipelineSources
{
    private readonly string _repoRoot;

    public WorkspaceSources(string repoRoot) => _repoRoot = repoRoot;

    public string Locate(string path) => RepoPath.ToAbsolute(_repoRoot, path);

    public bool FileExists(string path) => File.Exists(Locate(path));

    public string? ReadText(string path)
    {
        var absolute = Locate(path);
        return File.Exists(absolute) ? File.ReadAllText(absolute) : null;
    }

    public bool IsDirectory(string path) => Directory.Exists(Locate(path));
}
