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

    private readonly YamlDocument _document;

    public LockEntryReader(YamlDocument document) => _document = document;

    public DvcException Failure(string problem, object? container, string? key, string keyPath)
    {
        var mark = container is null ? null : key is null ? _document.NodeMark(container) : _document.KeyMark(container, key);
        var where = keyPath.Length == 0 ? "" : ", in " + keyPath;
        return new DvcException(
            DvcErrorCode.InvalidLockFile,
            $"'{Path.GetFileName(_document.FilePath)}' validation failed. {problem}{where}",
            _document.LocationOf(mark));
    }

    public LockEntry Read(object? value, object? parent, string name, string keyPath)
    {
        if (value is not PyDict entry)
        {
            throw Failure("expected a dictionary", parent, name, keyPath);
        }

        foreach (var key in entry.Keys)
        {
            if (!EntryKeys.Contains(key))
            {
                throw Failure("extra keys not allowed", entry, key, Join(keyPath, key));
            }
        }

        if (!entry.TryGetValue("cmd", out var cmd))
        {
            throw Failure("required key not provided", entry, null, Join(keyPath, "cmd"));
        }

        return new LockEntry
        {
            Cmd = ReadCmd(cmd, entry, Join(keyPath, "cmd")),
            Deps = ReadItems(entry, "deps", keyPath),
            Params = ReadParams(entry, keyPath),
            Outs = ReadItems(entry, "outs", keyPath),
        };
    }

    private object ReadCmd(object? cmd, PyDict entry, string keyPath)
    {
        if (cmd is string s)
        {
            return s;
        }

        if (cmd is List<object?> parts && parts.TrueForAll(p => p is string))
        {
            return parts;
        }

        throw Failure("expected str", entry, "cmd", keyPath);
    }

    private PyDict ReadParams(PyDict entry, string keyPath)
    {
        if (!entry.TryGetValue("params", out var value))
        {
            return new PyDict();
        }

        var path = Join(keyPath, "params");
        if (value is not PyDict files)
        {
            throw Failure("expected a dictionary", entry, "params", path);
        }

        foreach (var (file, values) in files)
        {
            if (values is not PyDict)
            {
                throw Failure("expected a dictionary", files, file, Join(path, file));
            }
        }

        return files;
    }

    private LockItem[] ReadItems(PyDict entry, string section, string keyPath)
    {
        if (!entry.TryGetValue(section, out var value))
        {
            return Array.Empty<LockItem>();
        }

        var path = Join(keyPath, section);
        if (value is not List<object?> list)
        {
            throw Failure("expected a list", entry, section, path);
        }

        var items = new LockItem[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            items[i] = ReadItem(list[i], list, Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return items;
    }

    private LockItem ReadItem(object? value, List<object?> list, string keyPath)
    {
        if (value is not PyDict item)
        {
            throw Failure("expected a dictionary", list, null, keyPath);
        }

        foreach (var key in item.Keys)
        {
            if (!ItemKeys.Contains(key))
            {
                throw Failure("extra keys not allowed", item, key, Join(keyPath, key));
            }
        }

        var hashName = Typed<string>(item, "hash", keyPath, "str");
        return new LockItem
        {
            Path = Typed<string>(item, "path", keyPath, "str") ?? throw Failure("required key not provided", item, null, Join(keyPath, "path")),
            Legacy = hashName is null or "md5-dos2unix",
            Md5 = Typed<string>(item, "md5", keyPath, "str"),
            Size = Integer(item, "size", keyPath),
            NFiles = Integer(item, "nfiles", keyPath),
            IsExec = item.TryGetValue("isexec", out var exec) && (exec as bool? ?? throw Failure("expected bool", item, "isexec", Join(keyPath, "isexec"))),
        };
    }

    private T? Typed<T>(PyDict item, string key, string keyPath, string typeName)
        where T : class =>
        !item.TryGetValue(key, out var value) ? null : value as T ?? throw Failure("expected " + typeName, item, key, Join(keyPath, key));

    private long? Integer(PyDict item, string key, string keyPath) =>
        !item.TryGetValue(key, out var value) ? null
        : value is long l ? l
        : value is BigInteger ? throw Failure("value too large", item, key, Join(keyPath, key))
        : throw Failure("expected int", item, key, Join(keyPath, key));

    private static string Join(string keyPath, string key) => keyPath.Length == 0 ? key : keyPath + " -> " + key;
}
