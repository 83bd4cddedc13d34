using Dvc.Core.IO;
using Dvc.Core.Errors;

namespace Dvc.Core.Overrides;

/// <summary>Applies a whole <c>Set</c> property's overrides to the params files under a repository root.</summary>
internal static class ParamsOverrideApplier
{
    /// <summary>
    /// Computes every file's new text first and writes only when all overrides succeeded, so a bad
    /// override leaves every file untouched. A missing file counts as empty (DVC's behaviour).
    /// </summary>
    /// <returns>The files whose content changed, relative to <paramref name="baseDirectory"/> as given in the overrides.</returns>
    public static IReadOnlyList<string> ApplyToFiles(string baseDirectory, IReadOnlyList<ParamOverride> overrides)
    {
        var pending = new List<(string Relative, string Path, string Text)>();
        foreach (var group in overrides.GroupBy(o => o.File, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, group.Key));
            var original = File.Exists(path) ? File.ReadAllText(path) : "";
            string updated;
            try
            {
                updated = ParamsFileEditor.Apply(original, group.Key, group.ToList());
            }
            catch (DvcException e) when (e.Location is null)
            {
                throw new DvcException(e.Code, e.Message, new SourceLocation(path), e);
            }

            if (!string.Equals(original, updated, StringComparison.Ordinal) || !File.Exists(path))
            {
                pending.Add((group.Key, path, updated));
            }
        }

        foreach (var (_, path, text) in pending)
        {
            AtomicFile.WriteAllText(path, text);
        }

        return pending.Select(p => p.Relative).ToList();
    }
}
