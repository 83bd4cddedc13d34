namespace Dvc.Core.Repro;

/// <summary>DVC's <c>on_error</c> of <c>dvc/repo/reproduce.py</c>.</summary>
internal enum OnError
{
    /// <summary>The first failure stops the build: no new stage starts.</summary>
    Fail,

    /// <summary><c>--keep-going</c>: stages that do not depend on a failed one still run; the build fails at the end.</summary>
    KeepGoing,

    /// <summary><c>--ignore-errors</c>: failures are warnings, every stage is attempted, the build succeeds.</summary>
    Ignore,
}
