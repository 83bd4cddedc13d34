namespace Dvc.Core.Errors;

/// <summary>
/// A user-facing failure: bad input, a failed stage, a broken repository. The MSBuild layer turns it
/// into exactly one canonical error line (<c>file(line,col): error DVC1xxx: message</c>); it never
/// shows a stack trace. Anything else that escapes is a bug in Dvc.Build.
/// </summary>
internal sealed class DvcException : Exception
{
    public DvcException(string code, string message, SourceLocation? location = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Location = location;
    }

    /// <summary>One of <see cref="DvcErrorCode"/>.</summary>
    public string Code { get; }

    public SourceLocation? Location { get; }
}
