using Dvc.Core.Lock;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Lock;

[TestClass]
public sealed class LockEntryBuilderTests
{
    [TestMethod]
    public void SortsItemsByCodePointAndPutsParamsYamlFirst()
    {
        var entry = LockEntryBuilder.Create(
            "c",
            [new LockItem { Path = "b" }, new LockItem { Path = "\U0001F600" }, new LockItem { Path = "\uffff" }, new LockItem { Path = "B" }],
            [
                new("z.yaml", new PyDict { { "k", 1L } }),
                new("params.yaml", new PyDict { { "b", 1L }, { "a", new PyDict { { "y", 1L }, { "x", 2L } } } }),
                new("config/a.json", new PyDict { { "k", 2L } }),
            ],
            []);

        CollectionAssert.AreEqual(new[] { "B", "b", "\uffff", "\U0001F600" }, entry.Deps.Select(d => d.Path).ToArray());
        CollectionAssert.AreEqual(new[] { "params.yaml", "config/a.json", "z.yaml" }, entry.Params.Keys.ToArray());
        var defaults = (PyDict)entry.Params["params.yaml"]!;
        CollectionAssert.AreEqual(new[] { "a", "b" }, defaults.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "y", "x" }, ((PyDict)defaults["a"]!).Keys.ToArray(), "nested keys keep file order");
    }
}
