namespace Dvc.Core.DataSources;

/// <summary>What one <see cref="DataSourceFinder.Find"/> found and where it looked: while every folder
/// it looked into keeps its <see cref="DataSourceFinder.FolderSignature"/>, searching again finds the
/// same files, so a cached plan can hand this over instead.</summary>
/// <param name="Found">Repository-relative .dvc paths, in collection order.</param>
/// <param name="Searched">Absolute paths of the folders looked into.</param>
internal sealed record DataSourceSearch(IReadOnlyList<string> Found, IReadOnlyList<string> Searched);
