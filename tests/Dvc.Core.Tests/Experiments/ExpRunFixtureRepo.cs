using Dvc.Core.Repository;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Experiments;

/// <summary>
/// Rebuilds golden case 07-exp-run's git history (steps 1-5) from its input and captured files, so
/// experiment commits made here can be compared blob for blob with the ones real DVC made.
/// </summary>
internal static class ExpRunFixtureRepo
{
    public const string Case = "07-exp-run";
    public const string InitCommit = "67bc27a5365d01331de54e56d3eecbe99e6da7ab";
    public const string BaselineCommit = "45ede25c348f1a395f6fe0d01fb99e7db6d4d935";

    /// <summary>The files DVC's stages add explicitly (dvc.yaml, lock, params, uncached outs, git-tracked deps).</summary>
    public static readonly string[] StageFiles =
    [
        "dvc.yaml", "dvc.lock", "params.yaml", "config/custom.yaml", "metrics.json", "dvc_env.txt",
        "src/prepare.py", "src/train.py", "src/evaluate.py", "src/dump_env.py",
    ];

    /// <summary>A repository at the fixture's baseline commit, DVC project at <paramref name="dvcSubdir"/> ("" = git root).</summary>
    public static TempGitRepo CreateAtBaseline(string dvcSubdir = "")
    {
        var repo = new TempGitRepo();
        var prefix = dvcSubdir.Length == 0 ? "" : dvcSubdir + "/";
        CopyTree(Fixtures.PathOf(Case, "input"), repo.PathOf(dvcSubdir));
        repo.Write(prefix + ".dvc/.gitignore", DvcInitializer.DvcGitIgnore);
        repo.Write(prefix + ".dvc/config", "");
        repo.Write(prefix + ".dvcignore", DvcInitializer.DvcIgnoreHeader);
        repo.CommitAll("init");

        var step4 = "expected/step-04-repro-baseline/";
        foreach (var file in new[] { ".gitignore", "config/custom.yaml", "data/.gitignore", "dvc_env.txt", "metrics.json", "params.yaml" })
        {
            repo.Write(prefix + file, Fixtures.ReadText(Case, step4 + "workspace/" + file));
        }

        repo.Write(prefix + "dvc.lock", Fixtures.ReadText(Case, step4 + "dvc.lock"));
        // Cached outputs exist in the workspace but are git-ignored, as after a real repro.
        repo.Write(prefix + "model.txt", "model\n");
        repo.Write(prefix + "data/prepared.txt", "prepared\n");
        repo.CommitAll("baseline");
        return repo;
    }

    /// <summary>Overwrites the workspace with the files DVC committed in an experiment of a step.</summary>
    public static void WriteExperimentFiles(TempGitRepo repo, string step, string name, string dvcSubdir = "")
    {
        var prefix = dvcSubdir.Length == 0 ? "" : dvcSubdir + "/";
        var files = Fixtures.PathOf(Case, $"expected/{step}/exp-refs/{name}/files");
        foreach (var file in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
        {
            repo.Write(prefix + Path.GetRelativePath(files, file).Replace('\\', '/'), File.ReadAllText(file));
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
