using Dvc.Core.IO;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// After a stage produced its outputs: cached outputs go into .dvc/cache (a directory as its .dir
/// manifest plus its files) and get a .gitignore entry, as DVC's Output.commit and ignore do;
/// <c>cache: false</c> outputs are only hashed, and stay for git.
/// </summary>
internal sealed class OutputCommitter
{
    private readonly PipelineContext _context;

    public OutputCommitter(PipelineContext context) => _context = context;

    public void Commit(StageDefinition stage, LockEntry entry)
    {
        foreach (var output in stage.Outs.Where(o => o.Cache))
        {
            var absolute = _context.Repository.Absolute(stage.PathFromRoot(output.Path));
            AddToCache(absolute, entry.Outs.First(i => i.Path == output.Path));
            var order = _context.WriteOrder;
            if (GitIgnoreFile.AddEntry(absolute, order.InsertBefore(GitIgnoreFile.PathFor(absolute), stage)) is { } changed)
            {
                order.Added(changed, GitIgnoreFile.EntryFor(absolute), stage);
                _context.NoteChangedFile(changed);
            }
        }
    }

    /// <summary>Copies an output into the cache; also used for uncached metrics and plots, which
    /// the run-cache must be able to restore (DVC's StageCache._uncached_outs).</summary>
    public void AddToCache(string absolutePath, LockItem item)
    {
        var cache = _context.Workspace.Cache;
        if (item.IsDir)
        {
            var tree = _context.Workspace.Hashing.HashDirectory(absolutePath, item.Legacy);
            cache.AddDirectory(absolutePath, tree.Json, tree.Entries);
        }
        else if (!cache.Contains(item.Md5!))
        {
            cache.AddFile(absolutePath, item.Md5!);
        }
    }
}
