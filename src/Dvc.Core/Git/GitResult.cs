namespace Dvc.Core.Git;

/// <summary>What one git process returned.</summary>
internal sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
