using Dvc.Core.Cache;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;
using Dvc.Core.Values;

namespace Dvc.Core.Status;

/// <summary>
/// Decides whether a stage changed, by DVC 3's rules (dvc/stage/__init__.py::Stage.changed): the
/// command, then deps and params, then outs — content hashes, never timestamps.
/// </summary>
internal sealed class ChangeDetector
{
    private readonly Workspace _workspace;
    private readonly ObjectCheck _cacheCheck;
    private readonly string _displayFrom;

    /// <param name="cacheCheck"><see cref="ObjectCheck.ReadOnly"/> for status and dry runs: a corrupted
    /// object then reads "not in cache" but stays for Repro to report and replace.</param>
    /// <param name="displayFrom">The repository-relative folder the user stands in (the project's):
    /// DVC names every changed path relative to it, not to the stage's wdir.</param>
    public ChangeDetector(Workspace workspace, ObjectCheck cacheCheck = ObjectCheck.Repair, string displayFrom = "")
    {
        _workspace = workspace;
        _cacheCheck = cacheCheck;
        _displayFrom = displayFrom;
    }

    public ChangeDetector(PipelineContext context, ObjectCheck cacheCheck = ObjectCheck.Repair)
        : this(context.Workspace, cacheCheck, context.Repository.Relative(context.ProjectDirectory))
    {
    }

    /// <param name="firstReasonOnly">Stop at the first reason, as DVC's short-circuit does; repro
    /// needs only a yes/no, and hashing a large dep for nothing is the expensive part.</param>
    public StageStatus Evaluate(StageDefinition stage, LockEntry? lockEntry, bool firstReasonOnly)
    {
        var status = new StageStatus { NoLockEntry = lockEntry is null && stage.Kind == StageKind.Pipeline };
        if (lockEntry is not null && stage.Cmd is not null && !CommandEquals(lockEntry.Cmd, stage.Cmd))
        {
            status.CommandChanged = true;
            if (firstReasonOnly)
            {
                return status;
            }
        }

        if (stage.RunsEveryTime)
        {
            status.AlwaysChanged = true;
            if (firstReasonOnly)
            {
                return status;
            }
        }

        if (!stage.Frozen)
        {
            CheckPaths(stage, stage.Deps.Select(d => new CheckedPath(d.Path, false)), lockEntry?.Deps, status.Deps, firstReasonOnly);
            if (firstReasonOnly && status.IsChanged)
            {
                return status;
            }

            CheckParams(stage, lockEntry, status, firstReasonOnly);
            if (firstReasonOnly && status.IsChanged)
            {
                return status;
            }
        }

        CheckPaths(stage, stage.Outs.Select(o => new CheckedPath(o.Path, o.Cache)), lockEntry?.Outs, status.Outs, firstReasonOnly);
        return status;
    }

    public static bool CommandEquals(object lockCmd, object stageCmd) => (lockCmd, stageCmd) switch
    {
        (string a, string b) => a == b,
        (IEnumerable<object?> a, IReadOnlyList<string> b) => a.Select(x => x as string).SequenceEqual(b),
        _ => false,
    };

    private void CheckPaths(
        StageDefinition stage,
        IEnumerable<CheckedPath> paths,
        IReadOnlyList<LockItem>? lockItems,
        List<PathChange> changes,
        bool firstReasonOnly)
    {
        foreach (var (path, cached) in paths)
        {
            var locked = lockItems?.FirstOrDefault(i => i.Path == path);
            var change = Compare(stage, path, cached, locked);
            if (change is not null)
            {
                changes.Add(change with { Path = Display(stage, path) });
                if (firstReasonOnly)
                {
                    return;
                }
            }
        }
    }

    /// <param name="cached">Outputs kept in the cache; DVC checks the object before the workspace
    /// (Output.status), so a deleted object reads "not in cache" even if the file is intact.</param>
    private PathChange? Compare(StageDefinition stage, string path, bool cached, LockItem? locked)
    {
        if (cached && locked?.Md5 is not null && !_workspace.IsCached(locked, _cacheCheck))
        {
            return new PathChange(path, ItemChange.NotInCache, locked.Md5);
        }

        // Without network access or update checks an external (URL) dependency cannot be looked
        // at; DVC reports such a dep it cannot reach as deleted.
        var current = RepoPath.IsUrl(path) ? null : _workspace.Hash(stage.PathFromRoot(path), locked?.Legacy ?? false);
        if (current is null)
        {
            return new PathChange(path, ItemChange.Deleted, locked?.Md5);
        }

        return locked?.Md5 == current.Md5 ? null : new PathChange(path, ItemChange.Modified, locked?.Md5, current.Md5);
    }

    private string Display(StageDefinition stage, string path)
    {
        var fromRoot = stage.PathFromRoot(path);
        // DVC names a local path outside the repository by its absolute path.
        return RepoPath.IsOutside(fromRoot) && !fromRoot.StartsWith('/')
            ? Path.GetFullPath(_workspace.Repository.Absolute(fromRoot)).TrimEnd(Path.DirectorySeparatorChar)
            : RepoPath.Display(fromRoot, _displayFrom);
    }

    private void CheckParams(StageDefinition stage, LockEntry? lockEntry, StageStatus status, bool firstReasonOnly)
    {
        foreach (var current in _workspace.ReadParams(stage))
        {
            var file = Display(stage, current.File);
            if (!current.FileExists)
            {
                status.Params.Add(new ParamChange(file, null, ItemChange.Deleted));
            }
            else if (lockEntry is null || !lockEntry.Params.TryGetValue(current.File, out var lockedObj) || lockedObj is not PyDict locked)
            {
                status.Params.Add(new ParamChange(file, null, ItemChange.New));
            }
            else
            {
                var spec = stage.Params.First(p => p.File == current.File);
                var keys = spec.Keys ?? current.Values.Keys.Concat(locked.Keys).Distinct().ToList();
                foreach (var key in keys)
                {
                    var inWorkspace = current.Values.TryGetValue(key, out var now);
                    var inLock = locked.TryGetValue(key, out var before);
                    if (!inWorkspace)
                    {
                        status.Params.Add(new ParamChange(file, key, ItemChange.Deleted, before));
                    }
                    else if (!inLock)
                    {
                        status.Params.Add(new ParamChange(file, key, ItemChange.New, null, now));
                    }
                    else if (!PyEquality.AreEqual(before, now))
                    {
                        status.Params.Add(new ParamChange(file, key, ItemChange.Modified, before, now));
                    }
                }
            }

            if (firstReasonOnly && status.Params.Count > 0)
            {
                return;
            }
        }
    }

    // A class, not a tuple: LINQ over it then runs precompiled shared code instead of code
    // JIT-compiled in every build.
    private sealed record CheckedPath(string Path, bool Cached);
}
