using Dvc.Core.Pipeline;

namespace Dvc.Core.Tests.Pipeline;

/// <summary>Which params files a pipeline's stages cannot depend on (PipelineFile.ValueOnlyFiles).</summary>
[TestClass]
public sealed class ValueOnlyFilesTests
{
    private static PipelineFile Load(string pipeline, params (string Path, string Text)[] files)
    {
        using var dir = new TempDirectory();
        dir.Write("params.yaml", "lr: 0.1\nname: base\n");
        foreach (var (path, text) in files)
        {
            dir.Write(path, text);
        }

        dir.Write("dvc.yaml", pipeline);
        var loaded = PipelineLoader.Load(dir.Path, "dvc.yaml");
        return new PipelineFile
        {
            DvcFile = loaded.DvcFile,
            Stages = loaded.Stages,
            FilesRead = loaded.FilesRead.Select(f => Path.GetRelativePath(dir.Path, f)).ToList(),
            ValueOnlyFiles = loaded.ValueOnlyFiles.Select(f => Path.GetRelativePath(dir.Path, f)).ToList(),
        };
    }

    [TestMethod]
    public void TheDefaultParamsOfAPipelineWithoutTemplatingAreValuesOnly()
    {
        var file = Load("stages:\n  train:\n    cmd: python train.py\n    params:\n      - lr\n");

        CollectionAssert.AreEqual(new[] { "dvc.yaml", "params.yaml" }, file.FilesRead.ToArray());
        CollectionAssert.AreEqual(new[] { "params.yaml" }, file.ValueOnlyFiles.ToArray());
    }

    [TestMethod]
    public void InterpolationMakesTheParamsPartOfTheDefinition()
    {
        var file = Load("stages:\n  train:\n    cmd: python train.py --lr ${lr}\n");

        Assert.AreEqual(0, file.ValueOnlyFiles.Count);
        Assert.AreEqual("python train.py --lr 0.1", file.Stages.Single().Cmd);
    }

    [TestMethod]
    public void DeclaredVarsMakeEveryFileReadPartOfTheDefinition()
    {
        var topLevel = Load("vars:\n  - extra.yaml\nstages:\n  train:\n    cmd: python train.py\n", ("extra.yaml", "other: 1\n"));
        var stageLevel = Load("stages:\n  train:\n    vars:\n      - seed: 1\n    cmd: python train.py\n");

        Assert.AreEqual(0, topLevel.ValueOnlyFiles.Count);
        CollectionAssert.Contains(topLevel.FilesRead.ToArray(), "extra.yaml");
        Assert.AreEqual(0, stageLevel.ValueOnlyFiles.Count);
    }
}
