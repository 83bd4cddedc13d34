using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Templating;

/// <summary>
/// The iterations of <c>foreach</c> and <c>matrix</c> entries and their generated keys
/// (dvc/parsing/__init__.py: <c>normalized_iterable</c>).
/// </summary>
/// <remarks>A value taken from the context by an exact <c>${ref}</c> is named with Python's <c>str()</c>
/// (<c>True</c>), a literal one with <c>to_str</c> (<c>true</c>): DVC formats its context wrapper
/// objects differently from plain values.</remarks>
internal sealed class IterationExpander
{
    private readonly NodeInterpolator _interpolator;

    public IterationExpander(NodeInterpolator interpolator) => _interpolator = interpolator;

    public List<(string Key, PyDict Iteration)> ExpandForeach(string group, YNode data, TemplateContext context)
    {
        var where = $"stages.{group}.foreach";
        var (value, fromContext) = ResolveData(data, context, where);
        var result = new List<(string, PyDict)>();
        switch (value)
        {
            case PyDict dict:
                foreach (var (key, item) in dict)
                {
                    result.Add((key, PipelineTemplate.Iteration(item, key)));
                }

                return result;
            case List<object?> list:
                var byIndex = false;
                foreach (var item in list)
                {
                    byIndex |= item is PyDict or List<object?>;
                }

                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < list.Count; i++)
                {
                    var key = byIndex ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : Name(list[i], fromContext[i]);
                    var iteration = PipelineTemplate.Iteration(list[i], null);
                    if (seen.TryGetValue(key, out var earlier))
                    {
                        // Python builds a dict: a repeated name keeps its first place and the last value.
                        result[earlier] = (key, iteration);
                    }
                    else
                    {
                        seen[key] = result.Count;
                        result.Add((key, iteration));
                    }
                }

                return result;
            default:
                throw new DvcException(
                    DvcErrorCode.Interpolation,
                    $"failed to resolve '{where}' in '{_interpolator.DvcFile}': expected list/dictionary, got {PyTypes.NameOf(value)}",
                    data.Location);
        }
    }

    public List<(string Key, PyDict Iteration)> ExpandMatrix(string group, YNode matrix, TemplateContext context)
    {
        var where = $"stages.{group}.matrix";
        var axes = new List<(string Name, List<object?> Values, List<bool> FromContext)>();
        foreach (var axis in ((YMap)matrix).Entries)
        {
            var (value, fromContext) = ResolveData(axis.Value, context, where);
            axes.Add(value switch
            {
                List<object?> list => (axis.Key, list, fromContext),
                PyDict dict => (axis.Key, dict.Keys.Select(k => (object?)k).ToList(), dict.Keys.Select(_ => false).ToList()),
                _ => (axis.Key, TextAsCharacters(value), new List<bool>()),
            });
        }

        var result = new List<(string, PyDict)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var indexes = new int[axes.Count];
        while (axes.Count > 0 && axes.TrueForAll(a => a.Values.Count > 0))
        {
            var item = new PyDict();
            var fragments = new string[axes.Count];
            for (var a = 0; a < axes.Count; a++)
            {
                var (name, values, fromContext) = axes[a];
                var value = values[indexes[a]];
                item[name] = value;
                fragments[a] = value is PyDict or List<object?>
                    ? name + indexes[a].ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : Name(value, indexes[a] < fromContext.Count && fromContext[indexes[a]]);
            }

            var key = string.Join('-', fragments);
            var iteration = new PyDict { ["key"] = key, ["item"] = item };
            if (seen.TryGetValue(key, out var earlier))
            {
                result[earlier] = (key, iteration);
            }
            else
            {
                seen[key] = result.Count;
                result.Add((key, iteration));
            }

            if (!Advance(indexes, axes))
            {
                break;
            }
        }

        return result;
    }

    // itertools.product order: the last axis varies fastest.
    private static bool Advance(int[] indexes, List<(string Name, List<object?> Values, List<bool> FromContext)> axes)
    {
        for (var a = axes.Count - 1; a >= 0; a--)
        {
            if (++indexes[a] < axes[a].Values.Count)
            {
                return true;
            }

            indexes[a] = 0;
        }

        return false;
    }

    // Python iterates a string axis character by character.
    private static List<object?> TextAsCharacters(object? value) =>
        value is string s ? s.Select(c => (object?)c.ToString()).ToList() : new List<object?>();

    private static string Name(object? value, bool fromContext) =>
        fromContext ? PyStr.Str(value) : TemplateText.ToStr(value);

    private (object? Value, List<bool> FromContext) ResolveData(YNode data, TemplateContext context, string where)
    {
        var fromContext = new List<bool>();
        switch (data)
        {
            case YScalar { Value: string text }:
                var value = _interpolator.ResolveText(text, context, null, where, data.Location, out var whole);
                if (value is List<object?> list)
                {
                    fromContext.AddRange(Enumerable.Repeat(whole, list.Count));
                }

                return (value, fromContext);
            case YSeq seq:
                var items = new List<object?>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    if (item is YScalar { Value: string itemText })
                    {
                        items.Add(_interpolator.ResolveText(itemText, context, null, where, item.Location, out var itemFromContext));
                        fromContext.Add(itemFromContext);
                    }
                    else
                    {
                        items.Add(_interpolator.Resolve(item, context, null, where).ToPython());
                        fromContext.Add(false);
                    }
                }

                return (items, fromContext);
            default:
                return (_interpolator.Resolve(data, context, null, where).ToPython(), fromContext);
        }
    }
}
