using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>-t:StageAdd, like <c>dvc stage add</c>: DVC's layout, the rest of dvc.yaml untouched, clear errors.</summary>
[TestClass]
public sealed class StageAddTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Checkout.Root, "tests", "Fixtures", "stage-add", name));

    [TestMethod]
    public void BuildsTheGetStartedPipelineAsDvcStageAddWritesIt()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("data/data.xml", "<xml/>\n");

        var prepare = repo.Build("StageAdd", "Name=prepare", "Params=\"prepare.seed,prepare.split\"", "Deps=\"src/prepare.py;data/data.xml\"",
            "Outs=data/prepared", "Cmd=python src/prepare.py data/data.xml");
        Assert.AreEqual(0, prepare.ExitCode, prepare.Output);
        StringAssert.Contains(prepare.Output, "Creating 'dvc.yaml'");
        StringAssert.Contains(prepare.Output, "Adding stage 'prepare' in 'dvc.yaml'");
        StringAssert.Contains(prepare.Output, "git add data/.gitignore dvc.yaml");
        Assert.AreEqual(0, repo.Build("StageAdd", "Name=featurize", "Params=\"featurize.max_features,featurize.ngrams\"",
            "Deps=\"src/featurization.py;data/prepared\"", "Outs=data/features", "Cmd=python src/featurization.py data/prepared data/features").ExitCode);
        // The params as separate values of one property, as -p train.seed -p train.n_est would be.
        Assert.AreEqual(0, repo.Build("StageAdd", "Name=train", "Params=\"train.seed;train.n_est;train.min_split\"",
            "Deps=\"src/train.py;data/features\"", "Outs=model.pkl", "Cmd=python src/train.py data/features model.pkl").ExitCode);

        Assert.AreEqual(Fixture("get-started.dvc.yaml"), repo.Read("dvc.yaml"));
        Assert.AreEqual("/prepared\n/features\n", repo.Read("data/.gitignore"));
        CollectionAssert.Contains(repo.Read(".gitignore").Split('\n'), "/model.pkl");
    }

    [TestMethod]
    public void KeepsTheRestOfTheFileAndWritesMetricsPlotsWdirAndOtherParamsFiles()
    {
        using var repo = PipelineRepo.Create();
        const string original = """
            # my pipeline
            vars:
              - seed: 3   # keep me

            stages:
                first:   # four-space indent, kept
                    cmd: echo ${seed} > first.txt
                    outs: [first.txt]

            # trailing comment
            plots:
              - first.txt
            """;
        repo.Write("dvc.yaml", original + "\n");

        var result = repo.Build("StageAdd", "Name=eval", "Cmd=echo 1", "Deps=first.txt", "Metrics=\"m.json\"", "Plots=p.csv",
            "Params=\"lr;custom.yaml:b,a;other.yaml:\"", "Wdir=.");
        Assert.AreEqual(0, result.ExitCode, result.Output);

        Assert.AreEqual("""
            # my pipeline
            vars:
              - seed: 3   # keep me

            stages:
                first:   # four-space indent, kept
                    cmd: echo ${seed} > first.txt
                    outs: [first.txt]
                eval:
                  cmd: echo 1
                  deps:
                  - first.txt
                  params:
                  - lr
                  - custom.yaml:
                    - a
                    - b
                  - other.yaml:
                  metrics:
                  - m.json
                  plots:
                  - p.csv

            # trailing comment
            plots:
              - first.txt

            """, repo.Read("dvc.yaml"));
    }

    [TestMethod]
    public void ForceReplacesOnlyThatStage()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  a:\n    cmd: echo a\n  # about b\n  b:\n    cmd: echo b   # old\n    outs:\n    - b.txt\n\n  c:\n    cmd: echo c\n");

        var duplicate = repo.Build("StageAdd", "Name=b", "Cmd=echo new");
        Assert.AreNotEqual(0, duplicate.ExitCode);
        StringAssert.Contains(duplicate.Output, "dvc.yaml(5,3): error DVC1701: Stage 'b' already exists in 'dvc.yaml'. Use -p:Force=true to overwrite.");

        var forced = repo.Build("StageAdd", "Name=b", "Cmd=echo new", "Outs=b2.txt", "Force=true");
        Assert.AreEqual(0, forced.ExitCode, forced.Output);
        StringAssert.Contains(forced.Output, "Modifying stage 'b' in 'dvc.yaml'");
        Assert.AreEqual("stages:\n  a:\n    cmd: echo a\n  # about b\n  b:\n    cmd: echo new\n    outs:\n    - b2.txt\n\n  c:\n    cmd: echo c\n", repo.Read("dvc.yaml"));
    }

    [TestMethod]
    public void OverlappingOrDuplicateOutputsAndBadValuesAreClearErrorsThatWriteNothing()
    {
        using var repo = PipelineRepo.Create();
        const string original = "stages:\n  a:\n    cmd: mkdir -p data/dir\n    outs:\n    - data/dir\n";
        repo.Write("dvc.yaml", original);

        var overlap = repo.Build("StageAdd", "Name=b", "Cmd=echo b", "Outs=data/dir/x.txt");
        Assert.AreNotEqual(0, overlap.ExitCode);
        StringAssert.Contains(overlap.Output, "error DVC1011:");

        var duplicate = repo.Build("StageAdd", "Name=b", "Cmd=echo b", "Outs=data/dir");
        Assert.AreNotEqual(0, duplicate.ExitCode);
        StringAssert.Contains(duplicate.Output, "error DVC1010:");

        var noCommand = repo.Build("StageAdd", "Name=b");
        StringAssert.Contains(noCommand.Output, "pipeline.proj : error DVC1700: StageAdd needs the stage's name and command");

        var badName = repo.Build("StageAdd", "Name=b.c", "Cmd=echo");
        StringAssert.Contains(badName.Output, "error DVC1018: Invalid stage name 'b.c'");

        var twice = repo.Build("StageAdd", "Name=b", "Cmd=echo", "Deps=x.txt", "Outs=x.txt");
        StringAssert.Contains(twice.Output, "'x.txt' is specified as an output and as a dependency.");

        Assert.AreEqual(original, repo.Read("dvc.yaml"));
        Assert.IsFalse(repo.Exists("data/dir/.gitignore"));
    }
}
