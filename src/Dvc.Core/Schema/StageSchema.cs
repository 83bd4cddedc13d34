using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Schema;

/// <summary>One entry under <c>stages</c>: <c>STAGE_DEFINITION</c> (optionally with <c>matrix</c>) or
/// the <c>foreach</c>/<c>do</c> form, chosen as DVC's <c>either_or</c> does.</summary>
internal static class StageSchema
{
    // Python's string.punctuation minus '_' and '-' (dvc/stage/utils.py::is_valid_name).
    private const string InvalidNameChars = "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~";

    public static void ValidateStages(SchemaChecker check, YNode? node, SchemaPath path, string displayName)
    {
        foreach (var entry in check.Map(node, path).Entries)
        {
            if (entry.Key.AsSpan().IndexOfAny(InvalidNameChars) >= 0)
            {
                throw new DvcException(
                    DvcErrorCode.InvalidStageName,
                    $"invalid stage name '{entry.Key}' in '{displayName}': stage names may not contain punctuation other than '_' and '-' ('@' is reserved for foreach and matrix stages)",
                    entry.KeyLocation);
            }

            Validate(check, entry, path.Then(entry.Key));
        }
    }

    private static void Validate(SchemaChecker check, YMapEntry stage, SchemaPath path)
    {
        var map = check.Map(stage.Value, path);
        if (map.Find("foreach") is not null || map.Find("do") is not null)
        {
            ValidateForeach(check, map, path, stage.KeyLocation);
        }
        else
        {
            ValidateDefinition(check, map, path, stage.KeyLocation);
        }
    }

    private static void ValidateForeach(SchemaChecker check, YMap map, SchemaPath path, SourceLocation nameLocation)
    {
        YMapEntry? body = null;
        foreach (var entry in map.Entries)
        {
            switch (entry.Key)
            {
                case "foreach":
                    if (entry.Value is not (YMap or YSeq) && !SchemaChecker.IsStr(entry.Value))
                    {
                        throw check.WrongType("expected dict", entry.Value, path.Then("foreach"));
                    }

                    break;
                case "do":
                    body = entry;
                    break;
                default:
                    throw check.UnknownKey(entry, path);
            }
        }

        if (map.Find("foreach") is null)
        {
            throw check.MissingKey("foreach", path, nameLocation);
        }

        if (body is null)
        {
            throw check.MissingKey("do", path, nameLocation);
        }

        ValidateDefinition(check, check.Map(body.Value, path.Then("do")), path.Then("do"), body.KeyLocation);
    }

    private static void ValidateDefinition(SchemaChecker check, YMap map, SchemaPath path, SourceLocation nameLocation)
    {
        var hasCmd = false;
        foreach (var entry in map.Entries)
        {
            var valuePath = path.Then(entry.Key);
            switch (entry.Key)
            {
                case "cmd":
                    hasCmd = true;
                    check.StrOrList(entry.Value, valuePath);
                    break;
                case "wdir" or "desc":
                    check.Str(entry.Value, valuePath);
                    break;
                case "deps":
                    check.ListOfStr(entry.Value, valuePath);
                    break;
                case "params":
                    check.ListOfStrOrMap(entry.Value, valuePath, "expected str");
                    break;
                case "vars":
                    TopLevelSchema.ValidateVars(check, entry.Value, valuePath);
                    break;
                case "frozen" or "always_changed":
                    check.Bool(entry.Value, valuePath);
                    break;
                case "meta":
                    break;
                case "outs" or "metrics":
                    OutputSchema.ValidateList(check, entry.Value, valuePath, plots: false);
                    break;
                case "plots":
                    OutputSchema.ValidateList(check, entry.Value, valuePath, plots: true);
                    break;
                case "matrix":
                    ValidateMatrix(check, entry.Value, valuePath);
                    break;
                default:
                    throw check.UnknownKey(entry, path);
            }
        }

        if (!hasCmd)
        {
            throw check.MissingKey("cmd", path, nameLocation);
        }
    }


    private static void ValidateMatrix(SchemaChecker check, YNode? node, SchemaPath path)
    {
        foreach (var entry in check.Map(node, path).Entries)
        {
            if (!SchemaChecker.IsStr(entry.Value) && entry.Value is not (YSeq or YMap))
            {
                throw check.WrongType("expected str", entry.Value, path.Then(entry.Key));
            }
        }
    }
}
