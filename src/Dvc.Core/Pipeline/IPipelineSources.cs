namespace Dvc.Core.Pipeline;

/// <summary>
/// Where the files a dvc.yaml templates from (params.yaml, <c>vars</c> files) are read, by
/// repository-relative path: the workspace for builds, a revision's files for reports.
/// </summary>
internal interface IPipelineSources
{
    /// <summary>The path messages and <see cref="PipelineFile.FilesRead"/> use (absolute in the workspace).</summary>
    string Locate(string path);

    bool FileExists(string path);

    /// <returns>The file's text, or null when there is no such file.</returns>
    string? ReadText(string path);

    bool IsDirectory(string path);
}
