using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Dvc.Core.Values;

namespace Dvc.Core.Yaml;

/// <summary>
/// Block-style YAML exactly as DVC writes it through ruamel.yaml 0.17.21 (<c>YAML()</c> round-trip
/// dumper, <c>default_flow_style=False</c>): 2-space map indent, sequences not indented under their
/// key, lines folded near 80 columns, strings quoted only when plain would read back differently.
/// Reproducing it byte for byte keeps dvc.lock and run-cache entries free of Git churn.
/// </summary>
internal static partial class RuamelYamlEmitter
{
    /// <summary>The whole document for a root mapping, ending with a line break.</summary>
    public static string Emit(PyDict document)
    {
        var writer = new RuamelTextWriter();
        if (document.Count == 0)
        {
            writer.Write("{}");
        }
        else
        {
            WriteMapping(writer, document, 0, continuesLine: false);
        }

        writer.EndDocument();
        return writer.ToString();
    }

    /// <summary>
    /// One root-level entry (<c>key:</c> and its value) nested at <paramref name="indent"/>, without a
    /// leading or trailing line break: how a stage entry sits under <c>stages:</c> in dvc.lock.
    /// </summary>
    public static string EmitEntry(string key, object? value, int indent)
    {
        var writer = new RuamelTextWriter();
        writer.BeginLine(indent);
        WriteEntry(writer, key, value, indent);
        return writer.ToString();
    }

    private static void WriteMapping(RuamelTextWriter writer, PyDict map, int indent, bool continuesLine)
    {
        var first = true;
        foreach (var pair in map)
        {
            if (!first || !continuesLine)
            {
                writer.BeginLine(indent);
            }

            first = false;
            WriteEntry(writer, pair.Key, pair.Value, indent);
        }
    }

    private static void WriteEntry(RuamelTextWriter writer, string key, object? value, int indent)
    {
        WriteString(writer, key, indent + 2, simpleKey: true);
        writer.Write(':');
        switch (value)
        {
            case PyDict { Count: > 0 } map:
                WriteMapping(writer, map, indent + 2, continuesLine: false);
                break;
            case IList<object?> { Count: > 0 } list:
                WriteSequence(writer, list, indent, continuesLine: false);
                break;
            default:
                WriteScalar(writer, value, indent + 2);
                break;
        }
    }

    private static void WriteSequence(RuamelTextWriter writer, IList<object?> list, int indent, bool continuesLine)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0 || !continuesLine)
            {
                writer.BeginLine(indent);
            }

            writer.Separate();
            writer.Write('-');
            switch (list[i])
            {
                case PyDict { Count: > 0 } map:
                    WriteMapping(writer, map, indent + 2, continuesLine: true);
                    break;
                case IList<object?> { Count: > 0 } inner:
                    WriteSequence(writer, inner, indent + 2, continuesLine: true);
                    break;
                default:
                    WriteScalar(writer, list[i], indent + 2);
                    break;
            }
        }
    }

    private static void WriteScalar(RuamelTextWriter writer, object? value, int indent)
    {
        switch (value)
        {
            case string s:
                WriteString(writer, s, indent, simpleKey: false);
                break;
            case PyDict:
                writer.Separate();
                writer.Write("{}");
                break;
            case IList<object?>:
                writer.Separate();
                writer.Write("[]");
                break;
            default:
                RuamelScalarWriter.WritePlain(writer, PlainText(value), indent, split: true);
                break;
        }
    }

    /// <summary>ruamel's representers: None is empty, floats use repr with YAML's .inf/.nan spellings.</summary>
    private static string PlainText(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        BigInteger big => big.ToString(CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => ".nan",
        double d when double.IsPositiveInfinity(d) => ".inf",
        double d when double.IsNegativeInfinity(d) => "-.inf",
        double d => PyFloat.Repr(d),
        _ => throw new ArgumentException($"not a Python value: {value.GetType().Name}", nameof(value)),
    };

    /// <summary>ruamel's <c>choose_scalar_style</c> for a str with no preferred style.</summary>
    private static void WriteString(RuamelTextWriter writer, string text, int indent, bool simpleKey)
    {
        var analysis = RuamelScalarAnalysis.Analyze(text);
        var split = !simpleKey;
        if (!ReadsAsNonString(text) && !(simpleKey && (analysis.Empty || analysis.Multiline)) && analysis.AllowBlockPlain)
        {
            RuamelScalarWriter.WritePlain(writer, text, indent, split);
        }
        else if (text.Contains('\'') || text.Contains('\n') || !analysis.AllowSingleQuoted || (simpleKey && analysis.Multiline))
        {
            RuamelScalarWriter.WriteDoubleQuoted(writer, text, indent, split);
        }
        else
        {
            RuamelScalarWriter.WriteSingleQuoted(writer, text, indent, split);
        }
    }

    /// <summary>The YAML 1.2 implicit resolvers of ruamel's dumper, which add merge, value and timestamp to the loader's.</summary>
    private static bool ReadsAsNonString(string text) =>
        YamlScalarResolver.IsAmbiguousAsPlain(text) || text is "<<" or "=" || TimestampPattern().IsMatch(text);

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex TimestampPattern();
}
