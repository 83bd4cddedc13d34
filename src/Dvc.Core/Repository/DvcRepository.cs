using Dvc.Core.Errors;

namespace Dvc.Core.Repository;

/// <summary>A DVC project: the folder holding <c>.dvc/</c>. It may sit anywhere inside a git repository.</summary>
internal sealed class DvcRepository
{
    private DvcRepository(string rootDir) => RootDir = rootDir;

    public string RootDir { get; }

    public string DvcDir => Path.Combine(RootDir, ".dvc");

    public string TmpDir => Path.Combine(DvcDir, "tmp");

    /// <summary>Dvc.Build's own state (hash store, stage stamps): inside .dvc/tmp, which DVC git-ignores.</summary>
    public string BuildStateDir => Path.Combine(TmpDir, "dvcbuild");

    public static DvcRepository? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".dvc")))
            {
                return new DvcRepository(dir.FullName);
            }
        }

        return null;
    }

    public static DvcRepository Require(string startDirectory) =>
        Find(startDirectory) ?? throw new DvcException(
            DvcErrorCode.NotADvcRepository,
            $"you are not inside of a DVC repository (checked '{Path.GetFullPath(startDirectory)}' and its parents). " +
            "Create one with `dotnet build -t:Init` (add -p:Subdir=true when the folder is inside a larger git repository).");

    /// <summary>Repository-relative, '/'-separated path of an absolute path ("" for the root itself).</summary>
    public string Relative(string absolutePath)
    {
        var relative = Path.GetRelativePath(RootDir, absolutePath).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }

    public string Absolute(string repoRelative) => Pipeline.RepoPath.ToAbsolute(RootDir, repoRelative);
}
