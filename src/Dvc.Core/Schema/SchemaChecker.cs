using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Schema;

/// <summary>The type checks shared by the dvc.yaml schema parts, raising DVC's (voluptuous') messages
/// with the location of the offending key or value.</summary>
internal sealed class SchemaChecker
{
    private readonly string _displayName;

    public SchemaChecker(string displayName) => _displayName = displayName;

    public YMap Map(YNode? node, SchemaPath path) =>
        node as YMap ?? throw WrongType("expected a dictionary", node, path);

    public YSeq List(YNode? node, SchemaPath path) =>
        node as YSeq ?? throw WrongType("expected a list", node, path);

    public void Str(YNode? node, SchemaPath path)
    {
        if (!IsStr(node))
        {
            throw WrongType("expected str", node, path);
        }
    }

    public void Bool(YNode? node, SchemaPath path)
    {
        if (node is not YScalar { Value: bool })
        {
            throw WrongType("expected bool", node, path);
        }
    }

    public void ListOfStr(YNode? node, SchemaPath path)
    {
        var list = List(node, path);
        for (var i = 0; i < list.Items.Count; i++)
        {
            Str(list.Items[i], path.Then(i));
        }
    }

    public void StrOrList(YNode? node, SchemaPath path)
    {
        if (!IsStr(node) && node is not YSeq)
        {
            throw WrongType("expected str", node, path);
        }
    }

    /// <summary>A list whose items are strings or mappings; each mapping item is handed to
    /// <paramref name="validateMap"/> (null: mappings are accepted as they are).</summary>
    public void ListOfStrOrMap(YNode? node, SchemaPath path, string problem, Action<YMap, SchemaPath>? validateMap = null)
    {
        var list = List(node, path);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (IsStr(item))
            {
                continue;
            }

            if (item is not YMap map)
            {
                throw WrongType(problem, item, path.Then(i));
            }

            validateMap?.Invoke(map, path.Then(i));
        }
    }

    public static bool IsStr(YNode? node) => node is YScalar { Value: string };

    public DvcException UnknownKey(YMapEntry entry, SchemaPath parent) =>
        new(DvcErrorCode.UnknownKey, Message("extra keys not allowed", parent.Then(entry.Key)), entry.KeyLocation);

    public DvcException MissingKey(string key, SchemaPath parent, SourceLocation? ownerKeyLocation) =>
        new(DvcErrorCode.MissingRequiredKey, Message("required key not provided", parent.Then(key)), ownerKeyLocation);

    public DvcException WrongType(string problem, YNode? node, SchemaPath path) =>
        new(DvcErrorCode.WrongType, Message(problem, path), node?.Location);

    private string Message(string problem, SchemaPath path)
    {
        var where = path.ToString();
        return where.Length == 0
            ? $"{_displayName} validation failed: {problem}"
            : $"{_displayName} validation failed: {problem}: {where}";
    }
}
