using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// DVC's <c>flatten</c> (nested keys joined with '.', lists kept whole) and <c>format_dict</c>
/// (lists replaced by their Python <c>str()</c>, which is why diffs compare lists as text).
/// </summary>
internal static class ValueFlattener
{
    public static PyDict Flatten(PyDict data)
    {
        var flat = new PyDict();
        AddFlattened(flat, "", data);
        return flat;
    }

    public static PyDict ListsAsText(PyDict data)
    {
        var result = new PyDict();
        foreach (var (key, value) in data)
        {
            result[key] = value switch
            {
                PyDict nested => ListsAsText(nested),
                List<object?> list => PyStr.Str(list),
                _ => value,
            };
        }

        return result;
    }

    private static void AddFlattened(PyDict flat, string prefix, PyDict data)
    {
        foreach (var (key, value) in data)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is PyDict nested && nested.Count > 0)
            {
                AddFlattened(flat, path, nested);
            }
            else
            {
                flat[path] = value;
            }
        }
    }
}
