using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dvc.Core.Errors;

namespace Dvc.Core.Git;

/// <summary>The few ref queries the reports need, each one git process.</summary>
public static class GitRefLister
{
    /// <summary>Experiment refs (<c>refs/exps/&lt;b[:2]&gt;/&lt;b[2:]&gt;/&lt;name&gt;</c>) whose baseline is <paramref name="baselineSha"/>.</summary>
    public static IReadOnlyList<(string RefName, string Sha, DateTimeOffset CommitTime)> ListExperiments(string gitRoot, string baselineSha)
    {
        var prefix = $"refs/exps/{baselineSha[..2]}/{baselineSha[2..]}/";
        var output = Run(gitRoot, "for-each-ref", "--format=%(refname)%00%(objectname)%00%(committerdate:unix)", prefix);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\0'))
            .Select(f => (f[0], f[1], FromUnix(f[2])))
            .ToList();
    }

    /// <summary>HEAD's commit, its commit time and the branch checked out (null when detached).</summary>
    public static (string Sha, DateTimeOffset CommitTime, string? Branch) ReadHead(string gitRoot)
    {
        var fields = Run(gitRoot, "log", "-1", "--format=%H%x00%ct", "HEAD").Trim().Split('\0');
        var branch = TryRun(gitRoot, "symbolic-ref", "-q", "--short", "HEAD")?.Trim();
        return (fields[0], FromUnix(fields[1]), string.IsNullOrEmpty(branch) ? null : branch);
    }

    /// <summary>A revision (SHA, branch, tag or experiment ref) as a full SHA and its commit time.</summary>
    public static (string Sha, DateTimeOffset CommitTime) ResolveCommit(string gitRoot, string rev)
    {
        var fields = Run(gitRoot, "log", "-1", "--format=%H%x00%ct", rev, "--").Trim().Split('\0');
        return (fields[0], FromUnix(fields[1]));
    }

    private static DateTimeOffset FromUnix(string seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(seconds, CultureInfo.InvariantCulture));

    private static string Run(string gitRoot, params string[] arguments) =>
        TryRun(gitRoot, arguments) ?? throw new DvcException(DvcErrorCode.GitFailed, $"git {string.Join(' ', arguments)} failed");

    private static string? TryRun(string gitRoot, params string[] arguments)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = gitRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return process.ExitCode == 0 ? output : null;
    }
}
