namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A temporary git repository holding a DVC project and a bare pipeline project that imports
/// the checkout's build/Dvc.Build.props and .targets — the form README documents.
/// </summary>
internal sealed class PipelineRepo : IDisposable
{
    private PipelineRepo(string root) => Root = root;

    public string Root { get; }

    public string ProjectFile => Path.Combine(Root, "pipeline.proj");

    /// <summary>Variables added to the environment of every <see cref="Build"/>.</summary>
    public Dictionary<string, string> BuildEnvironment { get; } = [];

    /// <param name="initDvc">Create .dvc/ (as `dvc init` would) before the first commit.</param>
    /// <param name="parent">Where to create it; by default a folder under the system temp folder.</param>
    public static PipelineRepo Create(bool initDvc = true, string? parent = null)
    {
        var root = Path.Combine(parent ?? Path.Combine(Path.GetTempPath(), "dvcbuild-e2e"), Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var repo = new PipelineRepo(root);
        repo.Git("init", "-q", "-b", "main");
        repo.Git("config", "user.name", "Dvc Build Tests");
        repo.Git("config", "user.email", "tests@dvc.build");
        repo.Git("config", "commit.gpgsign", "false");
        repo.Write("pipeline.proj", PipelineProject(Path.Combine(root, "pipeline.proj")));
        repo.Write(".gitignore", "/pipeline.proj.bin\n");
        if (initDvc)
        {
            Directory.CreateDirectory(Path.Combine(root, ".dvc", "tmp"));
            repo.Write(".dvc/config", "");
            repo.Write(".dvc/.gitignore", "/config.local\n/tmp\n/cache\n");
        }

        return repo;
    }

    /// <summary>A `git clone` of <paramref name="source"/> (a path or URL) in a new temporary folder,
    /// as another machine or a CI runner would start.</summary>
    public static PipelineRepo Clone(string source)
    {
        var root = Path.Combine(Path.Combine(Path.GetTempPath(), "dvcbuild-e2e"), Guid.NewGuid().ToString("N")[..12]);
        var clone = ProcessRunner.Run("git", ["clone", "-q", source, root], Path.GetTempPath());
        if (clone.ExitCode != 0)
        {
            throw new InvalidOperationException($"git clone {source} failed: {clone.Output}");
        }

        var repo = new PipelineRepo(root);
        repo.Git("config", "user.name", "Dvc Build Tests");
        repo.Git("config", "user.email", "tests@dvc.build");
        repo.Git("config", "commit.gpgsign", "false");
        return repo;
    }

    public static string PipelineProject(string projectPath)
    {
        var build = Checkout.BuildDir;
        return $"""
            <Project>
              <Import Project="{build}/Dvc.Build.props" />
              <Import Project="{build}/Dvc.Build.targets" />
            </Project>
            """;
    }

    /// <summary>Copies a fixture case's input/ folder into the repository.</summary>
    public void CopyFixtureInput(string caseName)
    {
        var source = Checkout.Fixture(caseName, "input");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative)) || Directory.Exists(Path.Combine(Root, relative));

    public void Delete(string relative)
    {
        var path = Path.Combine(Root, relative);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    public string Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result.Output}");
        }

        return result.Output;
    }

    public void CommitAll(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    /// <summary>`dotnet build pipeline.proj` with the given target and properties; -nr:false so no
    /// node keeps the task assembly loaded, -tl:off for plain, greppable output, -m:1 for the serial
    /// path whose output follows DVC's order (ParallelTests choose their node count).</summary>
    public CommandResult Build(string? target = null, params string[] properties) => BuildWithNodes(1, target, properties);

    public CommandResult BuildWithNodes(int nodes, string? target = null, params string[] properties) =>
        ProcessRunner.Run("dotnet", BuildArguments(nodes, target, properties), Root, BuildEnvironment);

    /// <summary>The arguments of `dotnet build` that <see cref="BuildWithNodes"/> passes.</summary>
    public List<string> BuildArguments(int nodes, string? target, IEnumerable<string> properties)
    {
        var arguments = new List<string> { "build", ProjectFile, "-nr:false", "-tl:off", "-v:m", "-clp:NoSummary", "-m:" + nodes };
        if (target is not null)
        {
            arguments.Add("-t:" + target);
        }

        arguments.AddRange(properties.Select(p => "-p:" + p));
        return arguments;
    }

    /// <summary>`dotnet build pipeline.proj` in a pseudo-terminal with the terminal logger on, as a
    /// user's terminal runs it (<see cref="TerminalRunner"/>), default verbosity.</summary>
    public (int ExitCode, IReadOnlyList<string> Lines) BuildInTerminal(Action<string>? onLine, params string[] arguments) =>
        TerminalRunner.Run(["dotnet", "build", ProjectFile, "-nr:false", "-tl:on", .. arguments], Root, onLine, BuildEnvironment);

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
