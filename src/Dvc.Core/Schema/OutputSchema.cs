using Dvc.Core.Yaml;

namespace Dvc.Core.Schema;

/// <summary>Entries of a stage's outs/metrics/plots lists (<c>OUT_PSTAGE_DETAILED_SCHEMA</c>,
/// <c>PLOT_PSTAGE_SCHEMA</c>): a path, or <c>{path: flags}</c>.</summary>
internal static class OutputSchema
{
    public static void ValidateList(SchemaChecker check, YNode? node, SchemaPath path, bool plots)
    {
        check.ListOfStrOrMap(node, path, "expected str", (map, itemPath) =>
        {
            foreach (var entry in map.Entries)
            {
                var flagsPath = itemPath.Then(entry.Key);
                if (plots && entry.Value is YSeq variants)
                {
                    for (var v = 0; v < variants.Items.Count; v++)
                    {
                        ValidateFlags(check, variants.Items[v], flagsPath.Then(v), plots);
                    }
                }
                else
                {
                    ValidateFlags(check, entry.Value, flagsPath, plots);
                }
            }
        });
    }

    private static void ValidateFlags(SchemaChecker check, YNode? node, SchemaPath path, bool plot)
    {
        foreach (var entry in check.Map(node, path).Entries)
        {
            var valuePath = path.Then(entry.Key);
            switch (entry.Key)
            {
                case "cache" or "persist" or "checkpoint" or "push":
                    check.Bool(entry.Value, valuePath);
                    break;
                case "remote":
                    check.Str(entry.Value, valuePath);
                    break;
                case "desc" or "type" or "labels" or "meta":
                    AnnotationSchema.ValidateField(check, entry, valuePath);
                    break;
                case "template" or "x" or "y" or "x_label" or "y_label" or "title" when plot:
                    check.Str(entry.Value, valuePath);
                    break;
                case "header" when plot:
                    check.Bool(entry.Value, valuePath);
                    break;
                default:
                    throw check.UnknownKey(entry, path);
            }
        }
    }
}
