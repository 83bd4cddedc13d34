namespace Dvc.Core.Templating;

/// <summary>A templating failure before it is known where it happened; the resolver turns it into a
/// located <see cref="Errors.DvcException"/> with DVC's "failed to parse ..." preamble.</summary>
internal sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }
}
