using System.Numerics;
using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Lock;

/// <summary>
/// Checks a loaded lock entry against DVC's <c>LOCK_FILE_STAGE_SCHEMA</c> and turns it into a
/// <see cref="LockEntry"/>. Errors use voluptuous' wording and the key path, as DVC reports them.
/// </summary>
internal sealed class LockEntryReader
{
    private static readonly HashSet<string> EntryKeys = new(StringComparer.Ordinal) { "cmd", "deps", "params", "outs" };

    // Cloud and import metadata is valid in DVC's DATA schema but not modelled here; it is accepted and
    // survives through the preserved original text of entries that are not rewritten.
    private static readonly HashSet<string> ItemKeys = new(StringComparer.Ordinal)
    {
        "path", "hash", "md5", "etag", "checksum", "size", "nfiles", "isexec", "version_id", "files", "cloud", "dataset",
    };

    private readonly string _filePath;

    public LockEntryReader(string filePath) => _filePath = filePath;

    /// <param name="at">Where the problem is written; null reports the file as a whole.</param>
    public DvcException Failure(string problem, SourceLocation? at, string keyPath)
    {
        var where = keyPath.Length == 0 ? "" : ", in " + keyPath;
        return new DvcException(
            DvcErrorCode.InvalidLockFile,
            $"'{Path.GetFileName(_filePath)}' validation failed. {problem}{where}",
            at ?? new SourceLocation(_filePath));
    }

    /// <param name="nameLocation">Where the entry's name is written; null for a run-cache entry, which is the whole file.</param>
    public LockEntry Read(YNode? value, SourceLocation? nameLocation, string keyPath)
    {
        if (value is not YMap entry)
        {
            throw Failure("expected a dictionary", nameLocation, keyPath);
        }

        foreach (var field in entry.Entries)
        {
            if (!EntryKeys.Contains(field.Key))
            {
                throw Failure("extra keys not allowed", field.KeyLocation, Join(keyPath, field.Key));
            }
        }

        var cmd = entry.Find("cmd") ?? throw Failure("required key not provided", entry.Location, Join(keyPath, "cmd"));
        return new LockEntry
        {
            Cmd = ReadCmd(cmd, Join(keyPath, "cmd")),
            Deps = ReadItems(entry, "deps", keyPath),
            Params = ReadParams(entry, keyPath),
            Outs = ReadItems(entry, "outs", keyPath),
        };
    }

    private object ReadCmd(YMapEntry cmd, string keyPath)
    {
        if (cmd.Value is YScalar { Value: string s })
        {
            return s;
        }

        if (cmd.Value is YSeq seq && AllStrings(seq))
        {
            return seq.ToPython()!;
        }

        throw Failure("expected str", cmd.KeyLocation, keyPath);
    }

    private static bool AllStrings(YSeq seq)
    {
        foreach (var item in seq.Items)
        {
            if (item is not YScalar { Value: string })
            {
                return false;
            }
        }

        return true;
    }

    private PyDict ReadParams(YMap entry, string keyPath)
    {
        if (entry.Find("params") is not { } field)
        {
            return new PyDict();
        }

        var path = Join(keyPath, "params");
        if (field.Value is not YMap files)
        {
            throw Failure("expected a dictionary", field.KeyLocation, path);
        }

        foreach (var file in files.Entries)
        {
            if (file.Value is not YMap)
            {
                throw Failure("expected a dictionary", file.KeyLocation, Join(path, file.Key));
            }
        }

        return (PyDict)files.ToPython()!;
    }

    private LockItem[] ReadItems(YMap entry, string section, string keyPath)
    {
        if (entry.Find(section) is not { } field)
        {
            return Array.Empty<LockItem>();
        }

        var path = Join(keyPath, section);
        if (field.Value is not YSeq list)
        {
            throw Failure("expected a list", field.KeyLocation, path);
        }

        var items = new LockItem[list.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReadItem(list.Items[i], list, Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return items;
    }

    private LockItem ReadItem(YNode value, YSeq list, string keyPath)
    {
        if (value is not YMap item)
        {
            throw Failure("expected a dictionary", list.Location, keyPath);
        }

        foreach (var field in item.Entries)
        {
            if (!ItemKeys.Contains(field.Key))
            {
                throw Failure("extra keys not allowed", field.KeyLocation, Join(keyPath, field.Key));
            }
        }

        var hashName = Text(item, "hash", keyPath);
        return new LockItem
        {
            Path = Text(item, "path", keyPath) ?? throw Failure("required key not provided", item.Location, Join(keyPath, "path")),
            Legacy = hashName is null or "md5-dos2unix",
            Md5 = Text(item, "md5", keyPath),
            Size = Integer(item, "size", keyPath),
            NFiles = Integer(item, "nfiles", keyPath),
            IsExec = item.Find("isexec") is { } exec
                && ((exec.Value as YScalar)?.Value as bool? ?? throw Failure("expected bool", exec.KeyLocation, Join(keyPath, "isexec"))),
        };
    }

    private string? Text(YMap item, string key, string keyPath) =>
        item.Find(key) is not { } field ? null
        : field.Value is YScalar { Value: string s } ? s
        : throw Failure("expected str", field.KeyLocation, Join(keyPath, key));

    private long? Integer(YMap item, string key, string keyPath) =>
        item.Find(key) is not { } field ? null
        : field.Value is YScalar { Value: long l } ? l
        : field.Value is YScalar { Value: BigInteger } ? throw Failure("value too large", field.KeyLocation, Join(keyPath, key))
        : throw Failure("expected int", field.KeyLocation, Join(keyPath, key));

    private static string Join(string keyPath, string key) => keyPath.Length == 0 ? key : keyPath + " -> " + key;
}
