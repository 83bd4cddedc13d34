using Dvc.Core.Errors;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.DataSources;

/// <summary>
/// A <c>.dvc</c> file written by <c>dvc add</c> (dvc/output.py::Output.dumpd): a stage without a command
/// whose outs record the data's hashes. The file is its own "lock": the recorded outs are what the
/// workspace is compared with, and what <see cref="DataSourceWriter"/> rewrites.
/// </summary>
internal sealed class DataSourceFile
{
    private DataSourceFile(StageDefinition stage, LockEntry recorded, PyDict document)
    {
        Stage = stage;
        Recorded = recorded;
        Document = document;
    }

    /// <summary>Kind DataSource, named by the file's repository-relative path.</summary>
    public StageDefinition Stage { get; }

    /// <summary>The recorded outs, in the shape ChangeDetector compares (no command).</summary>
    public LockEntry Recorded { get; }

    /// <summary>The file as read, so a rewrite keeps keys Dvc.Build does not interpret.</summary>
    public PyDict Document { get; }

    /// <param name="relativePath">Repository-relative, '/'-separated (<c>data/raw.csv.dvc</c>).</param>
    public static DataSourceFile Load(string repoRoot, string relativePath)
    {
        var absolute = RepoPath.ToAbsolute(repoRoot, relativePath);
        var document = YamlDocumentLoader.LoadRecord(File.ReadAllText(absolute), absolute, DvcErrorCode.InvalidDataSourceFile);
        if (document is not YMap root || root["outs"] is not YSeq { Items.Count: > 0 } outs)
        {
            throw new DvcException(DvcErrorCode.InvalidDataSourceFile, $"'{relativePath}' format error: expected 'outs' with at least one entry", new SourceLocation(absolute));
        }

        var specs = new List<OutSpec>(outs.Items.Count);
        var items = new List<LockItem>(outs.Items.Count);
        foreach (var value in outs.Items)
        {
            if (value is not YMap output || output["path"] is not YScalar { Value: string path })
            {
                throw new DvcException(DvcErrorCode.InvalidDataSourceFile, $"'{relativePath}' format error: every out needs a 'path'", new SourceLocation(absolute));
            }

            var cache = output["cache"] is not YScalar { Value: false };
            specs.Add(new OutSpec(path, Cache: cache, Location: output.Location));
            items.Add(ReadItem((PyDict)output.ToPython()!, path));
        }

        var stage = new StageDefinition
        {
            Name = relativePath,
            DvcFile = relativePath,
            Kind = StageKind.DataSource,
            Outs = specs,
            Frozen = root["frozen"] is YScalar { Value: true },
            Location = new SourceLocation(absolute),
        };
        return new DataSourceFile(stage, new LockEntry { Cmd = "", Outs = items }, (PyDict)root.ToPython()!);
    }

    /// <summary>An out without <c>hash: md5</c> was written by DVC 2.x: its md5 is md5-dos2unix.</summary>
    private static LockItem ReadItem(PyDict output, string path) => new()
    {
        Path = path,
        Legacy = !(output.TryGetValue("hash", out var hash) && hash is "md5"),
        Md5 = output.TryGetValue("md5", out var md5) ? md5 as string : null,
        Size = output.TryGetValue("size", out var size) ? AsLong(size) : null,
        NFiles = output.TryGetValue("nfiles", out var nfiles) ? AsLong(nfiles) : null,
        IsExec = output.TryGetValue("isexec", out var isExec) && isExec is true,
    };

    private static long? AsLong(object? value) => value switch
    {
        long l => l,
        int i => i,
        System.Numerics.BigInteger b => (long)b,
        _ => null,
    };
}
