using Dvc.Core.Yaml;

namespace Dvc.Core.Schema;

/// <summary>Validates a raw (not yet interpolated) dvc.yaml against DVC's <c>MULTI_STAGE_SCHEMA</c>,
/// as DVC does before any templating: <c>cache: ${flag}</c> is a string there, hence an error.</summary>
internal static class TopLevelSchema
{
    /// <param name="root">The loaded document; null (an empty file) is valid.</param>
    /// <param name="displayName">How messages name the file, e.g. <c>dvc.yaml</c>.</param>
    public static void Validate(YNode? root, string displayName)
    {
        if (root is null)
        {
            return;
        }

        var check = new SchemaChecker(displayName);
        var path = SchemaPath.Root;
        foreach (var entry in check.Map(root, path).Entries)
        {
            var valuePath = path.Then(entry.Key);
            switch (entry.Key)
            {
                case "stages":
                    StageSchema.ValidateStages(check, entry.Value, valuePath, displayName);
                    break;
                case "vars":
                    ValidateVars(check, entry.Value, valuePath);
                    break;
                case "params" or "metrics":
                    check.ListOfStr(entry.Value, valuePath);
                    break;
                case "plots":
                    ValidatePlots(check, entry.Value, valuePath);
                    break;
                case "artifacts":
                    ValidateArtifacts(check, entry.Value, valuePath);
                    break;
                case "datasets":
                    break;
                default:
                    throw check.UnknownKey(entry, path);
            }
        }
    }

    internal static void ValidateVars(SchemaChecker check, YNode? node, SchemaPath path) =>
        check.ListOfStrOrMap(node, path, "expected str or dict");

    private static void ValidatePlots(SchemaChecker check, YNode? node, SchemaPath path)
    {
        check.ListOfStrOrMap(node, path, "expected str", (map, itemPath) =>
        {
            foreach (var plot in map.Entries)
            {
                if (plot.Value is YScalar { Value: null })
                {
                    continue;
                }

                var plotPath = itemPath.Then(plot.Key);
                foreach (var prop in check.Map(plot.Value, plotPath).Entries)
                {
                    ValidatePlotProperty(check, prop, plotPath);
                }
            }
        });
    }

    private static void ValidatePlotProperty(SchemaChecker check, YMapEntry prop, SchemaPath plotPath)
    {
        var propPath = plotPath.Then(prop.Key);
        switch (prop.Key)
        {
            case "x":
                if (prop.Value is YMap xs)
                {
                    foreach (var x in xs.Entries)
                    {
                        check.Str(x.Value, propPath.Then(x.Key));
                    }
                }
                else
                {
                    check.Str(prop.Value, propPath);
                }

                break;
            case "y":
                if (prop.Value is YMap ys)
                {
                    foreach (var y in ys.Entries)
                    {
                        StrOrListOfStr(check, y.Value, propPath.Then(y.Key));
                    }
                }
                else
                {
                    StrOrListOfStr(check, prop.Value, propPath);
                }

                break;
            case "x_label" or "y_label" or "title" or "template":
                check.Str(prop.Value, propPath);
                break;
            default:
                throw check.UnknownKey(prop, plotPath);
        }
    }

    private static void StrOrListOfStr(SchemaChecker check, YNode? node, SchemaPath path)
    {
        if (node is YSeq)
        {
            check.ListOfStr(node, path);
        }
        else
        {
            check.Str(node, path);
        }
    }

    private static void ValidateArtifacts(SchemaChecker check, YNode? node, SchemaPath path)
    {
        foreach (var artifact in check.Map(node, path).Entries)
        {
            var artifactPath = path.Then(artifact.Key);
            var fields = check.Map(artifact.Value, artifactPath);
            foreach (var field in fields.Entries)
            {
                if (field.Key == "path")
                {
                    check.Str(field.Value, artifactPath.Then("path"));
                }
                else if (AnnotationSchema.IsAnnotation(field.Key))
                {
                    AnnotationSchema.ValidateField(check, field, artifactPath.Then(field.Key));
                }
                else
                {
                    throw check.UnknownKey(field, artifactPath);
                }
            }

            if (fields.Find("path") is null)
            {
                throw check.MissingKey("path", artifactPath, artifact.KeyLocation);
            }
        }
    }
}
