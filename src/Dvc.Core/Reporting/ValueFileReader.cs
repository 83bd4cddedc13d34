using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// Parses the text of a params or metrics file (from disk or from a git blob) into Python values,
/// choosing the loader by extension as DVC does. The one place reports parse file text, so the
/// loaders behind it can change without touching the reports.
/// </summary>
internal static class ValueFileReader
{
    /// <param name="path">DVC-root-relative path, used for the loader choice and in messages.</param>
    public static PyDict Read(string path, string text)
    {
        try
        {
            return ParamsFileReader.Parse(text, path, path);
        }
        catch (DvcException ex) when (ex.Code == DvcErrorCode.InvalidParamsFile)
        {
            // Reports have their own code, so a report's failure is told apart from a stage's.
            throw new DvcException(DvcErrorCode.InvalidValueFile, ex.Message, ex.Location, ex);
        }
    }
}
