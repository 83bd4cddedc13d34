using System.Text.RegularExpressions;
using Dvc.Core.Errors;
using Dvc.Core.Experiments;

namespace Dvc.Core.Tests.Experiments;

[TestClass]
public sealed class ExpRefAndNameTests
{
    private const string Baseline = "45ede25c348f1a395f6fe0d01fb99e7db6d4d935";

    [TestMethod]
    public void FormatsAndParsesDvcRefLayout()
    {
        var expRef = new ExpRef(Baseline, "lr-01");
        Assert.AreEqual("refs/exps/45/ede25c348f1a395f6fe0d01fb99e7db6d4d935/lr-01", expRef.RefName);
        Assert.AreEqual(expRef, ExpRef.TryParse(expRef.RefName));
    }

    [TestMethod]
    [DataRow("refs/exps/exec/EXEC_HEAD")]
    [DataRow("refs/exps/stash")]
    [DataRow("refs/exps/celery/stash")]
    [DataRow("refs/exps/apply/ORIG_HEAD")]
    [DataRow("refs/exps/45/ede25c/short-baseline")]
    [DataRow("refs/heads/45/ede25c348f1a395f6fe0d01fb99e7db6d4d935/x")]
    [DataRow("refs/exps/45/ede25c348f1a395f6fe0d01fb99e7db6d4d935/a/b")]
    public void BookkeepingAndForeignRefsAreNotExperiments(string refName) => Assert.IsNull(ExpRef.TryParse(refName));

    [TestMethod]
    [DataRow("bad/name")]
    [DataRow("")]
    [DataRow(".hidden")]
    [DataRow("ends.")]
    [DataRow("x.lock")]
    [DataRow("a..b")]
    [DataRow("a b")]
    [DataRow("a~1")]
    [DataRow("a^")]
    [DataRow("a:b")]
    [DataRow("a?")]
    [DataRow("a*")]
    [DataRow("a[")]
    [DataRow("a\\b")]
    [DataRow("a@{1}")]
    [DataRow("@")]
    public void RejectsNamesGitOrDvcRejects(string name) => Assert.IsFalse(ExpRef.IsValidName(name));

    [TestMethod]
    [DataRow("lr-01")]
    [DataRow("eight-vane")]
    [DataRow("run_2.5")]
    [DataRow("a@b")]
    public void AcceptsOrdinaryNames(string name) => Assert.IsTrue(ExpRef.IsValidName(name));

    [TestMethod]
    public void BadNameMessageIsDvcs()
    {
        var error = Assert.ThrowsExactly<DvcException>(() => ExpRef.ValidateName("bad/name"));
        Assert.AreEqual(DvcErrorCode.InvalidExperimentName, error.Code);
        var dvc = Fixtures.ReadText("06-errors", "expected/step-90-exp-run-bad-name/stderr-only.txt");
        Assert.AreEqual(dvc.Replace("ERROR: ", "", StringComparison.Ordinal).TrimEnd(), error.Message);
    }

    [TestMethod]
    public void WordListsAreLargeCleanAndDistinct()
    {
        Assert.IsGreaterThanOrEqualTo(300, ExpNameWords.Adjectives.Length);
        Assert.IsGreaterThanOrEqualTo(300, ExpNameWords.Nouns.Length);
        Assert.IsTrue(ExpNameWords.Adjectives.All(w => Regex.IsMatch(w, "^[a-z]{5}$")), "adjectives are five lower-case letters");
        Assert.IsTrue(ExpNameWords.Nouns.All(w => Regex.IsMatch(w, "^[a-z]{4}$")), "nouns are four lower-case letters");
        Assert.AreEqual(ExpNameWords.Adjectives.Length, ExpNameWords.Adjectives.Distinct().Count());
        Assert.AreEqual(ExpNameWords.Nouns.Length, ExpNameWords.Nouns.Distinct().Count());
    }

    [TestMethod]
    public void GeneratedNamesHaveDvcShapeAndAreValidRefNames()
    {
        for (var i = 0; i < 200; i++)
        {
            var name = ExpNameGenerator.Generate(_ => false);
            StringAssert.Matches(name, new Regex("^[a-z]{5}-[a-z]{4}$"));
            Assert.IsTrue(ExpRef.IsValidName(name));
        }
    }

    [TestMethod]
    public void GeneratorRedrawsWhileTheNameIsTaken()
    {
        var offered = new List<string>();
        var name = ExpNameGenerator.Generate(candidate =>
        {
            offered.Add(candidate);
            return offered.Count <= 5;
        });

        Assert.HasCount(6, offered);
        Assert.AreEqual(offered[^1], name);
    }

    [TestMethod]
    public void GeneratorNeverReturnsATakenNameEvenWhenAllPairsAreTaken()
    {
        var name = ExpNameGenerator.Generate(candidate => !candidate.EndsWith("-2", StringComparison.Ordinal));
        StringAssert.EndsWith(name, "-2");
    }

    [TestMethod]
    [DataRow(new string[0], "")]
    [DataRow(new[] { "a" }, "'a'")]
    [DataRow(new[] { "a", "b" }, "'a' and 'b'")]
    [DataRow(new[] { "a", "b", "c" }, "'a', 'b' and 'c'")]
    public void HumanListJoinsLikeDvc(string[] items, string expected) => Assert.AreEqual(expected, HumanList.JoinQuoted(items));
}
