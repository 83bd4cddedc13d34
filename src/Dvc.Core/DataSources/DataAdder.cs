using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.IO;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.DataSources;

/// <summary>
/// <c>dvc add</c>: hashes a file or folder, stores it in the cache, writes the <c>.dvc</c> file beside
/// it and ignores the data in the <c>.gitignore</c> beside it, all in DVC 3's formats.
/// </summary>
internal sealed class DataAdder
{
    private readonly Workspace _workspace;

    public DataAdder(Workspace workspace) => _workspace = workspace;

    /// <summary>Absolute paths of the .dvc and .gitignore files written, for the git hint.</summary>
    public List<string> ChangedFiles { get; } = new();

    /// <param name="absolutePath">The file or folder to track.</param>
    public void Add(string absolutePath)
    {
        var repository = _workspace.Repository;
        absolutePath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(absolutePath));
        var relative = repository.Relative(absolutePath);
        if (RepoPath.IsOutside(relative) || relative.Length == 0)
        {
            throw new DvcException(DvcErrorCode.InvalidAddTarget, $"Cannot add '{absolutePath}': it is outside the repository '{repository.RootDir}'", new SourceLocation(absolutePath));
        }

        if (relative.Split('/').Any(part => part is ".dvc" or ".git") || relative.EndsWith(".dvc", StringComparison.Ordinal))
        {
            throw new DvcException(DvcErrorCode.InvalidAddTarget, $"Cannot add '{relative}': it is part of DVC's or git's own files", new SourceLocation(absolutePath));
        }

        var hash = _workspace.Hash(relative, legacy: false)
            ?? throw new DvcException(DvcErrorCode.InvalidAddTarget, $"output '{relative}' does not exist", new SourceLocation(absolutePath));
        var item = new LockItem { Path = Path.GetFileName(absolutePath), Md5 = hash.Md5, Size = hash.Size, NFiles = hash.NFiles, IsExec = hash.IsExec };
        Store(absolutePath, item);

        var dvcFile = absolutePath + ".dvc";
        var previous = File.Exists(dvcFile) ? DataSourceFile.Load(repository.RootDir, relative + ".dvc") : null;
        if (previous is null || !previous.Recorded.Outs.SequenceEqual([item]))
        {
            DataSourceWriter.Write(dvcFile, [item], previous?.Document);
            ChangedFiles.Add(dvcFile);
        }

        if (GitIgnoreFile.AddEntry(absolutePath) is { } ignoreFile)
        {
            ChangedFiles.Add(ignoreFile);
        }
    }

    /// <summary>Copies the data into the cache; with a link cache type the workspace copy becomes a
    /// link to the (read-only) object, as DVC's commit relinks it.</summary>
    private void Store(string absolutePath, LockItem item)
    {
        var cache = _workspace.Cache;
        if (item.IsDir)
        {
            var tree = _workspace.Hashing.HashDirectory(absolutePath, legacy: false);
            cache.AddDirectory(absolutePath, tree.Json, tree.Entries);
        }
        else
        {
            cache.AddFile(absolutePath, item.Md5!);
        }

        if (_workspace.LinkTypes.Count > 0 && _workspace.LinkTypes[0] is LinkType.Symlink or LinkType.Hardlink)
        {
            cache.Checkout(item.Md5!, absolutePath, _workspace.LinkTypes, item.IsExec);
        }

        _workspace.RecordCheckedOut(absolutePath, item);
    }
}
