using Dvc.Core.Hashing;

namespace Dvc.Core.Repro;

// What a cached plan was resolved from (see ResolvedPipelineCache). Classes rather than tuples:
// lists of them run the framework's precompiled shared generic code instead of code JIT-compiled
// at the start of every build.

/// <summary>A file the plan was resolved from, with its stamp then (all -1 when it was missing).</summary>
/// <param name="ValuesOnly">See <see cref="PipelineContext.DefinitionFiles"/>.</param>
internal sealed record DefinitionFileStamp(string Path, FileStamp Stamp, bool ValuesOnly);

/// <summary>A folder expanded into stage inputs, with its mtime when listed (-1: missing).</summary>
internal sealed record FolderStamp(string Path, long MtimeTicks);

/// <summary>A folder searched for .dvc files, with its mtime and
/// <see cref="DataSources.DataSourceFinder.FolderSignature"/> when searched.</summary>
internal sealed record SearchedFolderStamp(string Path, long MtimeTicks, string Signature);
