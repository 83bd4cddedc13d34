using Dvc.Core.Errors;
using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.Tests.Repro;

/// <summary>Deps and outs inside .git or .dvc are refused when the pipeline is loaded, before any
/// stage could remove them (an output is deleted before its stage runs).</summary>
[TestClass]
public sealed class InternalPathTests
{
    private static DvcException LoadFails(TempDirectory dir, string stageBody)
    {
        dir.Write(".dvc/config", "");
        dir.Write(".git/description", "the repository\n");
        dir.Write("data/raw.txt", "x\n");
        var yaml = dir.Write("dvc.yaml", "stages:\n  evil:\n    cmd: echo hi\n" + stageBody);
        var error = Assert.ThrowsExactly<DvcException>(() => PipelineContext.Load(DvcRepository.Require(dir.Path), dir.Path, ["dvc.yaml"]).Dispose());
        Assert.AreEqual(DvcErrorCode.InternalPath, error.Code, error.Message);
        Assert.AreEqual(yaml, error.Location?.File);
        Assert.AreEqual("the repository\n", File.ReadAllText(dir.Combine(".git/description")), "nothing is touched");
        return error;
    }

    [TestMethod]
    [DataRow(".git", ".git")]
    [DataRow(".git/description", ".git")]
    [DataRow(".dvc/config", ".dvc")]
    [DataRow(".dvc", ".dvc")]
    [DataRow("data/../.git", ".git")]
    [DataRow("./.dvc/tmp", ".dvc")]
    [DataRow("sub/.git/config", ".git")]
    public void OutputInsideGitOrDvcIsRefused(string output, string internalDir)
    {
        using var dir = new TempDirectory();

        var error = LoadFails(dir, $"    outs:\n      - {output}\n");

        StringAssert.Contains(error.Message, $"output '{output}' of stage: 'evil' is inside '{internalDir}'");
        Assert.AreEqual(5, error.Location?.Line);
    }

    [TestMethod]
    public void DependencyInsideGitIsRefused()
    {
        using var dir = new TempDirectory();

        var error = LoadFails(dir, "    deps:\n      - .git/HEAD\n");

        StringAssert.Contains(error.Message, "dependency '.git/HEAD' of stage: 'evil' is inside '.git'");
    }

    [TestMethod]
    [DataRow("gitlink", ".git", "gitlink/description")]
    [DataRow("cfg", ".dvc", "cfg/config")]
    [DataRow("gitlink", ".git", "gitlink")]
    public void OutputReachingGitOrDvcThroughASymlinkIsRefused(string link, string target, string output)
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine(".dvc"));
        Directory.CreateDirectory(dir.Combine(".git"));
        File.CreateSymbolicLink(dir.Combine(link), target);

        var error = LoadFails(dir, $"    outs:\n      - {output}\n");

        StringAssert.Contains(error.Message, $"output '{output}' of stage: 'evil' is a symlink to '{target}");
    }

    [TestMethod]
    public void DependencyReachingGitThroughASymlinkedFolderIsRefused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine(".git"));
        File.CreateSymbolicLink(dir.Combine("meta"), dir.Combine(".git"));

        var error = LoadFails(dir, "    deps:\n      - meta/description\n");

        StringAssert.Contains(error.Message, "is a symlink to '.git/description'");
    }

    [TestMethod]
    public void OrdinaryPathsAndSymlinksInsideTheRepositoryAreAccepted()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("data/raw.txt", "x\n");
        File.CreateSymbolicLink(dir.Combine("linked"), "data");
        dir.Write("dvc.yaml", "stages:\n  fine:\n    cmd: echo hi\n    deps:\n      - linked/raw.txt\n      - .gitignore\n    outs:\n      - .github/out.txt\n      - data.git\n");

        using var context = PipelineContext.Load(DvcRepository.Require(dir.Path), dir.Path, ["dvc.yaml"]);

        Assert.AreEqual(1, context.Stages.Count);
    }
}
