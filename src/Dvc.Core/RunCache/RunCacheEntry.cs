using Dvc.Core.Errors;
using Dvc.Core.Lock;
using Dvc.Core.Yaml;

namespace Dvc.Core.RunCache;

/// <summary>The file content of a run-cache entry: the stage's lock entry as YAML, without the stage name.</summary>
internal static class RunCacheEntry
{
    public static string Serialize(LockEntry entry) => RuamelYamlEmitter.Emit(LockEntryPython.ToPyDict(entry));

    /// <param name="path">Absolute path of the entry file, used in error locations.</param>
    public static LockEntry Parse(string text, string path)
    {
        var document = YamlDocumentLoader.LoadRecord(text, path, DvcErrorCode.InvalidLockFile);
        return new LockEntryReader(path).Read(document, null, "");
    }
}
