using Dvc.Core.Values;

namespace Dvc.Core.Plots;

/// <summary>
/// dvc-render's <c>VegaRenderer.get_filled_template</c>: the template's optional anchors are filled
/// first (colours per revision, zoom, size; then, for one y source, grouping by revision and empty
/// encodings; for several, grouping, facets, dashes and shapes by the filename and field that vary),
/// then title, x and y (with <c>.</c>, <c>[</c>, <c>]</c> escaped), their labels, and the data. An anchor
/// is replaced where a string equals it (in mappings and lists) and, with a text value, inside longer
/// strings of mappings, exactly as dvc-render's <c>dict_replace_value</c> does.
/// </summary>
internal static class VegaSpec
{
    private const string FieldSeparator = "::";

    private static readonly string[] OptionalAnchors =
        ["color", "column", "group_by_x", "group_by_y", "group_by", "pivot_field", "plot_height", "plot_width", "row", "shape", "stroke_dash", "tooltip", "zoom_and_pan"];

    private static readonly string[] Colors = ["#945dd6", "#13adc7", "#f46837", "#48bb78", "#4299e1", "#ed8936", "#f56565"];

    private static readonly string[] Shapes = ["circle", "square", "triangle", "diamond"];

    private static readonly long[][] StrokeDashes = [[1, 0], [8, 8], [8, 4], [4, 4], [4, 2], [2, 1], [1, 1]];

    /// <summary>The properties the first revision with rows gives the plot (DVC's <c>first_props</c>).</summary>
    internal sealed record Properties(string Title, string X, string? Y, string XLabel, string? YLabel, IReadOnlyList<(string File, string Field)> YDefinitions, IReadOnlyList<string> Revisions);

    /// <param name="data">Stands where <c>&lt;DVC_METRIC_DATA&gt;</c> was.</param>
    /// <returns>Null when the template has no data anchor; otherwise the filled template and the
    /// filename/field keys that vary (null when the template has no optional anchor: rows keep both).</returns>
    public static (PyDict Spec, IReadOnlyList<string>? Varied)? Fill(PyDict template, Properties props, object data)
    {
        object content = template;
        IReadOnlyList<string>? varied = null;
        var optional = OptionalAnchors.Where(a => HasAnchor(content, Anchor(a))).ToList();
        if (optional.Count > 0)
        {
            FillOptional(ref content, optional, "color", ColorScale(props.Revisions));
            FillOptional(ref content, optional, "zoom_and_pan", Dict(("name", "grid"), ("select", "interval"), ("bind", "scales")));
            FillOptional(ref content, optional, "plot_height", 300L);
            FillOptional(ref content, optional, "plot_width", 300L);
            if (props.YDefinitions.Count <= 1)
            {
                FillGroupBy(ref content, optional, props, ["rev"]);
                FillOptional(ref content, optional, "pivot_field", "datum.rev");
                FillOptional(ref content, optional, "tooltip", Tooltip(props, []));
                foreach (var anchor in optional.ToList())
                {
                    FillOptional(ref content, optional, anchor, new PyDict());
                }

                varied = [];
            }
            else
            {
                varied = Varied(props.YDefinitions, out var domain);
                var concat = string.Join(FieldSeparator, varied);
                FillGroupBy(ref content, optional, props, ["rev", concat]);
                FillOptional(ref content, optional, "pivot_field", string.Join(" + '::' + ", varied.Prepend("rev").Select(k => "datum." + k)));
                FillOptional(ref content, optional, "row", Dict(("field", concat), ("sort", new List<object?>())));
                FillOptional(ref content, optional, "column", Dict(("field", concat), ("sort", new List<object?>())));
                FillOptional(ref content, optional, "tooltip", Tooltip(props, [concat]));
                FillOptional(ref content, optional, "stroke_dash", Mapping(concat, domain, StrokeDashes.Select(d => (object?)d.Cast<object?>().ToList()).ToList()));
                FillOptional(ref content, optional, "shape", Mapping(concat, domain, Shapes.Select(s => (object?)s).ToList()));
            }
        }

        if (!HasAnchor(content, Anchor("data")))
        {
            return null;
        }

        content = Replace(content, Anchor("title"), props.Title);
        content = Replace(content, Anchor("x"), Escape(props.X));
        if (props.Y is { } y)
        {
            content = Replace(content, Anchor("y"), Escape(y));
        }

        content = Replace(content, Anchor("x_label"), props.XLabel);
        if (props.YLabel is { } yLabel)
        {
            content = Replace(content, Anchor("y_label"), yLabel);
        }

        content = Replace(content, Anchor("data"), data);
        return ((PyDict)content, varied);
    }

    public static string Anchor(string name) => "<DVC_METRIC_" + name.ToUpperInvariant() + ">";

    private static void FillOptional(ref object content, List<string> optional, string name, object? value)
    {
        if (optional.Remove(name))
        {
            content = Replace(content, Anchor(name), value);
        }
    }

    private static void FillGroupBy(ref object content, List<string> optional, Properties props, List<object?> groupBy)
    {
        FillOptional(ref content, optional, "group_by", groupBy);
        FillOptional(ref content, optional, "group_by_x", groupBy.Append(props.X).ToList());
        FillOptional(ref content, optional, "group_by_y", groupBy.Append(props.Y).ToList());
    }

    private static List<object?> Tooltip(Properties props, IReadOnlyList<string> more) =>
        new object?[] { "rev", props.X, props.Y }.Concat(more).Select(f => (object?)Dict(("field", f))).ToList();

    private static PyDict ColorScale(IReadOnlyList<string> revisions)
    {
        var mapping = Mapping("rev", revisions.ToList(), Colors.Select(c => (object?)c).ToList());
        mapping.Remove("legend");
        return mapping;
    }

    /// <summary>Each domain value gets the next value of the range, starting over when it runs out.</summary>
    private static PyDict Mapping(string field, List<string> domain, List<object?> range) => Dict(
        ("field", field),
        ("scale", Dict(("domain", domain.Cast<object?>().ToList()), ("range", domain.Select((_, i) => range[i % range.Count]).ToList()))),
        ("legend", Dict(("symbolFillColor", "transparent"), ("symbolStrokeColor", "grey"))));

    /// <summary>Which of filename and field differ between the y sources, and the sorted domain of what varies.</summary>
    private static List<string> Varied(IReadOnlyList<(string File, string Field)> definitions, out List<string> domain)
    {
        var files = definitions.Select(d => d.File).Distinct(StringComparer.Ordinal).ToList();
        var fields = definitions.Select(d => d.Field).Distinct(StringComparer.Ordinal).ToList();
        var varied = new List<string>();
        if (files.Count > 1)
        {
            varied.Add("filename");
        }

        if (fields.Count > 1)
        {
            varied.Add("field");
        }

        domain = varied.Count == 2
            ? definitions.Select(d => d.File + FieldSeparator + d.Field).Distinct(StringComparer.Ordinal).ToList()
            : varied.Count == 1 ? (varied[0] == "filename" ? files : fields) : [];
        domain.Sort(StringComparer.Ordinal);
        return varied;
    }

    private static string Escape(string field) => field.Replace(".", "\\.").Replace("[", "\\[").Replace("]", "\\]");

    private static PyDict Dict(params (string Key, object? Value)[] items)
    {
        var dict = new PyDict();
        foreach (var (key, value) in items)
        {
            dict[key] = value;
        }

        return dict;
    }

    /// <summary>dvc-render's <c>find_value</c>: a string equal to the anchor in a mapping, or in a list held by one.</summary>
    private static bool HasAnchor(object? node, string anchor) => node switch
    {
        PyDict dict => dict.Any(kv => kv.Value switch
        {
            PyDict => HasAnchor(kv.Value, anchor),
            string s => s == anchor,
            List<object?> list => list.Any(e => e is PyDict ? HasAnchor(e, anchor) : e is string s2 && s2 == anchor),
            _ => false,
        }),
        string s => s == anchor,
        _ => false,
    };

    /// <summary>dvc-render's <c>dict_replace_value</c> / <c>list_replace_value</c>, on fresh copies.</summary>
    private static object Replace(object node, string anchor, object? value) => node switch
    {
        PyDict dict => ReplaceInDict(dict, anchor, value),
        List<object?> list => ReplaceInList(list, anchor, value),
        _ => node,
    };

    private static PyDict ReplaceInDict(PyDict dict, string anchor, object? value)
    {
        var result = new PyDict();
        foreach (var (key, item) in dict)
        {
            result[key] = item switch
            {
                PyDict inner => ReplaceInDict(inner, anchor, value),
                List<object?> list => ReplaceInList(list, anchor, value),
                string s when s == anchor => value,
                string s when value is string text && s.Contains(anchor, StringComparison.Ordinal) => s.Replace(anchor, text, StringComparison.Ordinal),
                _ => item,
            };
        }

        return result;
    }

    private static List<object?> ReplaceInList(List<object?> list, string anchor, object? value) => list.Select(item => item switch
    {
        List<object?> inner => ReplaceInList(inner, anchor, value),
        PyDict dict => ReplaceInDict(dict, anchor, value),
        string s when s == anchor => value,
        _ => item,
    }).ToList();
}
