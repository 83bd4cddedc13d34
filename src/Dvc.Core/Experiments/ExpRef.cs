using Dvc.Core.Errors;

namespace Dvc.Core.Experiments;

/// <summary>
/// An experiment's git ref, <c>refs/exps/&lt;baseline[:2]&gt;/&lt;baseline[2:]&gt;/&lt;name&gt;</c>, the layout
/// DVC (dvc/repo/experiments/refs.py) uses, so DVC lists experiments made here and vice versa.
/// </summary>
internal sealed record ExpRef(string BaselineSha, string Name)
{
    public const string Namespace = "refs/exps";

    /// <summary>Namespaces under refs/exps that hold DVC bookkeeping, not experiments (utils.py::_ignore_ref).</summary>
    private static readonly string[] ReservedNamespaces = ["exec", "apply", "celery", "temp"];

    public string RefName => $"{BaselinePrefix(BaselineSha)}{Name}";

    /// <summary>The folder holding all experiments of one baseline, with a trailing '/'.</summary>
    public static string BaselinePrefix(string baselineSha) => $"{Namespace}/{baselineSha[..2]}/{baselineSha[2..]}/";

    /// <summary>
    /// Parses an experiment ref; null for anything else, including DVC's bookkeeping refs
    /// (refs/exps/stash, refs/exps/exec/EXEC_HEAD, refs/exps/celery/...).
    /// </summary>
    public static ExpRef? TryParse(string refName)
    {
        var parts = refName.Split('/');
        if (parts.Length != 5 || parts[0] != "refs" || parts[1] != "exps" || ReservedNamespaces.Contains(parts[2]))
        {
            return null;
        }

        var baseline = parts[2] + parts[3];
        return parts[2].Length == 2 && baseline.Length == 40 && baseline.All(Uri.IsHexDigit) && parts[4].Length > 0
            ? new ExpRef(baseline, parts[4])
            : null;
    }

    /// <summary>Rejects names DVC rejects (utils.py::check_ref_format), with DVC's message.</summary>
    public static void ValidateName(string name)
    {
        if (!IsValidName(name))
        {
            throw new DvcException(
                DvcErrorCode.InvalidExperimentName,
                $"Invalid exp name {name}, the exp name must follow rules in https://git-scm.com/docs/git-check-ref-format");
        }
    }

    /// <summary>
    /// git check-ref-format's rules for one ref component, plus DVC's own "no '/'" (a name is the last
    /// part of the ref; a slash would make it look like a different baseline layout).
    /// </summary>
    public static bool IsValidName(string name) =>
        name.Length > 0
        && name != "@"
        && !name.StartsWith('.')
        && !name.EndsWith('.')
        && !name.EndsWith(".lock", StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Contains("@{", StringComparison.Ordinal)
        && !name.Any(c => c < 0x20 || c == 0x7f || " ~^:?*[\\/".Contains(c));

    public override string ToString() => RefName;
}
