using System.Globalization;
using Dvc.Core.Values;

namespace Dvc.Core.Templating;

/// <summary>
/// The values <c>${...}</c> can see (DVC's <c>Context</c>): params.yaml next to dvc.yaml, then the
/// <c>vars</c> entries, merged recursively where redefining a value is an error. Each value remembers
/// which file or inline entry it came from, for DVC's "cannot redefine" message.
/// </summary>
internal sealed class TemplateContext
{
    private readonly PyDict _data;
    private readonly Dictionary<string, string> _sources;
    private readonly Dictionary<string, List<string>?> _imports;
    private readonly PyDict? _iteration;

    public TemplateContext()
        : this(new PyDict(), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, List<string>?>(StringComparer.Ordinal), null)
    {
    }

    private TemplateContext(PyDict data, Dictionary<string, string> sources, Dictionary<string, List<string>?> imports, PyDict? iteration)
    {
        _data = data;
        _sources = sources;
        _imports = imports;
        _iteration = iteration;
    }

    /// <summary>True when a top-level name is visible (used to warn that <c>item</c>/<c>key</c> are shadowed).</summary>
    public bool Contains(string name) => _iteration?.ContainsKey(name) == true || _data.ContainsKey(name);

    /// <summary>A copy that stage-level vars can extend without touching the pipeline-wide context.</summary>
    public TemplateContext Clone() =>
        new(DeepCopy(_data), new Dictionary<string, string>(_sources, StringComparer.Ordinal), CopyImports(), _iteration);

    /// <summary>The same values plus the reserved <c>item</c>/<c>key</c> of one foreach/matrix iteration.</summary>
    public TemplateContext WithIteration(PyDict iteration) => new(_data, _sources, _imports, iteration);

    /// <summary>DVC's <c>Context.select</c>: a dotted key (<c>a.b.0</c>); list parts are
    /// integer indexes (negative ones count from the end, as in Python).</summary>
    /// <exception cref="TemplateException">"Could not find 'x'".</exception>
    public object? Select(string key)
    {
        object? current = null;
        var first = true;
        foreach (var raw in key.Split('.'))
        {
            var part = raw.Trim();
            if (first)
            {
                first = false;
                if ((_iteration is null || !_iteration.TryGetValue(part, out current)) && !_data.TryGetValue(part, out current))
                {
                    throw NotFound(key);
                }

                continue;
            }

            current = current switch
            {
                PyDict dict when dict.TryGetValue(part, out var value) => value,
                List<object?> list when TryIndex(list, part, out var index) => list[index],
                _ => throw NotFound(key),
            };
        }

        return current;
    }

    /// <summary>Merges one loaded file or inline vars entry (DVC's <c>merge_update</c>, no overwrite).</summary>
    /// <param name="source">The file path from the repository root, or <c>vars[0]</c> for inline values.</param>
    public void Merge(PyDict values, string source)
    {
        if (_iteration is not null)
        {
            foreach (var reserved in _iteration.Keys)
            {
                if (values.ContainsKey(reserved))
                {
                    throw new TemplateException($"attempted to modify reserved key {reserved}");
                }
            }
        }

        MergeInto(_data, values, "", source);
    }

    /// <summary>DVC's bookkeeping of which files were loaded whole or in part (<c>Context.imports</c>).</summary>
    /// <returns>False when the file was already loaded whole and is asked for whole again (a no-op).</returns>
    public bool RecordImport(string path, string item, List<string>? keys)
    {
        if (!_imports.TryGetValue(path, out var imported))
        {
            _imports[path] = keys is null ? null : new List<string>(keys);
            return true;
        }

        if (keys is null && imported is null)
        {
            return false;
        }

        if (keys is null)
        {
            throw new TemplateException($"cannot load '{item}' as it's partially loaded already");
        }

        if (imported is null)
        {
            throw new TemplateException($"cannot partially load '{item}' as it's already loaded.");
        }

        foreach (var key in keys)
        {
            if (imported.Contains(key))
            {
                throw new TemplateException($"cannot load '{item}' as it's partially loaded already");
            }
        }

        imported.AddRange(keys);
        return true;
    }

    private void MergeInto(PyDict into, PyDict update, string prefix, string source)
    {
        foreach (var (key, value) in update)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (into.TryGetValue(key, out var existing))
            {
                if (existing is PyDict existingDict && value is PyDict valueDict)
                {
                    MergeInto(existingDict, valueDict, path, source);
                    continue;
                }

                var preexisting = _sources.TryGetValue(path, out var s) ? s : "<local>";
                throw new TemplateException($"cannot redefine '{path}' from '{source}' as it already exists in '{preexisting}'");
            }

            // Copied so that a later merge into this branch cannot alter the file's own values.
            into[key] = value is PyDict dict ? DeepCopy(dict) : value;
            RecordSources(path, into[key], source);
        }
    }

    private void RecordSources(string path, object? value, string source)
    {
        _sources[path] = source;
        if (value is PyDict dict)
        {
            foreach (var (key, item) in dict)
            {
                RecordSources(path + "." + key, item, source);
            }
        }
    }

    private static bool TryIndex(List<object?> list, string part, out int index)
    {
        index = 0;
        if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        var resolved = parsed < 0 ? list.Count + parsed : parsed;
        if (resolved < 0 || resolved >= list.Count)
        {
            return false;
        }

        index = (int)resolved;
        return true;
    }

    private static TemplateException NotFound(string key) => new($"Could not find '{key}'");

    private static PyDict DeepCopy(PyDict source)
    {
        var copy = new PyDict();
        foreach (var (key, value) in source)
        {
            copy[key] = value is PyDict dict ? DeepCopy(dict) : value;
        }

        return copy;
    }

    private Dictionary<string, List<string>?> CopyImports()
    {
        var copy = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        foreach (var (path, keys) in _imports)
        {
            copy[path] = keys is null ? null : new List<string>(keys);
        }

        return copy;
    }
}
