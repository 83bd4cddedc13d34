using Dvc.Core.Yaml;

namespace Dvc.Core.Schema;

/// <summary>DVC's <c>ANNOTATION_SCHEMA</c> (desc, type, labels, meta), shared by outputs and artifacts.</summary>
internal static class AnnotationSchema
{
    public static bool IsAnnotation(string key) => key is "desc" or "type" or "labels" or "meta";

    public static void ValidateField(SchemaChecker check, YMapEntry entry, SchemaPath valuePath)
    {
        switch (entry.Key)
        {
            case "desc" or "type":
                check.Str(entry.Value, valuePath);
                break;
            case "labels":
                check.ListOfStr(entry.Value, valuePath);
                break;
        }
    }
}
