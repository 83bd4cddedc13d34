using System.Diagnostics;
using System.Text;
using Dvc.Core.Errors;

namespace Dvc.Core.Git;

/// <summary>
/// The one place that talks to git, through the git CLI: plumbing commands are fast and stable, and
/// LibGit2Sharp, measured against them, cost more to load in each build than the processes it saved
/// (README, "Git: command line or LibGit2Sharp"). Split over several files by topic
/// (refs, trees, commits, workspace) so each stays small; every git process starts here.
/// </summary>
internal sealed partial class GitRepository
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <param name="rootDir">The working-tree root (the folder holding <c>.git</c>).</param>
    /// <param name="environment">
    /// Variables added to every git call, e.g. fixed <c>GIT_*_DATE</c>s for reproducible commits or an
    /// isolated <c>HOME</c> in tests.
    /// </param>
    public GitRepository(string rootDir, IReadOnlyDictionary<string, string>? environment = null)
    {
        RootDir = Path.GetFullPath(rootDir);
        _environment = environment ?? new Dictionary<string, string>();
    }

    public string RootDir { get; }

    /// <summary>The working-tree root containing <paramref name="directory"/>, or null outside git.</summary>
    public static string? FindRoot(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Git-root-relative, '/'-separated form of an absolute path (what git plumbing expects).</summary>
    public string Relative(string absolutePath) => Path.GetRelativePath(RootDir, absolutePath).Replace('\\', '/');

    public void Add(IEnumerable<string> absolutePaths)
    {
        var args = new List<string> { "add", "--" };
        args.AddRange(absolutePaths.Select(Relative));
        Run(args);
    }

    /// <summary>Runs git and returns its standard output; a non-zero exit is a DvcException.</summary>
    public string Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var result = TryRun(arguments, environment, standardInput);
        if (result.ExitCode != 0)
        {
            throw Failure(arguments, result);
        }

        return result.StandardOutput;
    }

    /// <summary>Runs git and reports the exit code instead of throwing: for queries where "no" is an exit code.</summary>
    public GitResult TryRun(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = RootDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
        };
        if (standardInput is not null)
        {
            psi.StandardInputEncoding = Utf8NoBom;
        }

        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment.Concat(environment ?? new Dictionary<string, string>()))
        {
            psi.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DvcException(DvcErrorCode.GitFailed, "git was not found on PATH; Dvc.Build needs the git command line.", inner: e);
        }

        using (process)
        {
            // Drain both pipes concurrently so a large stdout or stderr can never deadlock the child.
            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }

            process.WaitForExit();
            return new GitResult(process.ExitCode, stdoutTask.Result, stderrTask.Result);
        }
    }

    private static DvcException Failure(IReadOnlyList<string> arguments, GitResult result) =>
        new(DvcErrorCode.GitFailed, $"git {string.Join(' ', arguments)} failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
}
