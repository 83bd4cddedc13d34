using System.Diagnostics;
using System.Text;
using Dvc.Core.Errors;

namespace Dvc.Core.Git;

/// <summary>
/// The one place that talks to git, through the git CLI (LibGit2Sharp's native binaries are not
/// installable here, and plumbing commands are fast and stable). Experiments extend this class.
/// </summary>
public sealed class GitRepository
{
    public GitRepository(string rootDir) => RootDir = rootDir;

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

    public void Add(IEnumerable<string> absolutePaths)
    {
        var args = new List<string> { "add", "--" };
        args.AddRange(absolutePaths.Select(p => Path.GetRelativePath(RootDir, p)));
        Run(args);
    }

    /// <summary>Runs git and returns its standard output; a non-zero exit is a DvcException.</summary>
    public string Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = RootDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
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
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }

            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new DvcException(
                    DvcErrorCode.GitFailed,
                    $"git {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {stderrTask.Result.Trim()}");
            }

            return stdout;
        }
    }
}
