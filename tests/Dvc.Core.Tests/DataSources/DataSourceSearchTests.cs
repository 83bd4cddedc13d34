using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.Tests.DataSources;

[TestClass]
public sealed class DataSourceSearchTests
{
    /// <summary>DVC's collection does not descend into outputs, those of .dvc files included: a
    /// tracked folder of many files is not walked, and a .dvc file inside it is not collected.</summary>
    [TestMethod]
    public void TheOutputsOfADvcFileAreNotSearched()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("data.dvc", "outs:\n- md5: 0123456789abcdef0123456789abcdef.dir\n  size: 2\n  nfiles: 1\n  hash: md5\n  path: data\n");
        dir.Write("data/sub/inner.dvc", "outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 1\n  hash: md5\n  path: x\n");
        dir.Write("models/model.pkl.dvc", "outs:\n- md5: 0123456789abcdef0123456789abcdee\n  size: 1\n  hash: md5\n  path: model.pkl\n");
        dir.Write("models/more/notes.txt", "n");

        using var context = PipelineContext.Load(DvcRepository.Require(dir.Path), dir.Path, []);

        CollectionAssert.AreEqual(new[] { "data.dvc", "models/model.pkl.dvc" }, context.DataSourceSearch.Found.ToList());
        CollectionAssert.AreEquivalent(
            new[] { dir.Path, dir.Combine("models"), dir.Combine("models/more") }.Select(Path.GetFullPath).ToList(),
            context.DataSourceSearch.Searched.Select(Path.GetFullPath).ToList(),
            "data/ is data.dvc's output: not looked into");
    }
}
