using Dvc.Core.Graph;

namespace Dvc.Core.Tests.Graph;

/// <summary>Python's fnmatch patterns, as DVC's --glob matches stage names.</summary>
[TestClass]
public sealed class FnMatchTests
{
    [TestMethod]
    [DataRow("train-*", "train-a", true)]
    [DataRow("train-*", "train", false)]
    [DataRow("train@*", "train@cnn-0.1", true)]
    [DataRow("t?ain", "train", true)]
    [DataRow("[ab]*", "bottom", true)]
    [DataRow("[!ab]*", "bottom", false)]
    [DataRow("[]x]", "]", true)]
    [DataRow("a.b", "axb", false)]
    [DataRow("[unclosed", "[unclosed", true)]
    [DataRow("Train*", "train", false)]
    public void MatchesAsPythonsFnmatch(string pattern, string name, bool matches) =>
        Assert.AreEqual(matches, FnMatch.ToRegex(pattern).IsMatch(name));
}
