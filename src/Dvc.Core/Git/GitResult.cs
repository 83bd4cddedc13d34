namespace Dvc.Core.Git;

/// <summary>What one git process returned.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
