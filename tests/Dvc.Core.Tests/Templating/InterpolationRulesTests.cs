using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Templating;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Templating;

/// <summary>Rules from dvc/parsing (interpolate.py, context.py, __init__.py) that fixture 04 does not
/// exercise; expected values follow from those rules and Python's shlex.quote.</summary>
[TestClass]
public sealed class InterpolationRulesTests
{
    [TestMethod]
    [DataRow("run a", "'run a'")]
    [DataRow("", "''")]
    [DataRow("it's", "'it'\"'\"'s'")]
    [DataRow("a-b_c.d/e:f=g,h@i%j+k", "a-b_c.d/e:f=g,h@i%j+k")]
    [DataRow("$HOME", "'$HOME'")]
    public void PosixQuotingFollowsShlexQuote(string value, string expected) => Assert.AreEqual(expected, ShellQuote.Posix(value));

    [TestMethod]
    [DataRow("run a", "\"run a\"")]
    [DataRow("plain", "plain")]
    [DataRow("say \"hi\"", "\"say \\\"hi\\\"\"")]
    public void WindowsQuotingFollowsList2cmdline(string value, string expected) => Assert.AreEqual(expected, ShellQuote.Windows(value));

    [TestMethod]
    public void DictBecomesCliArguments()
    {
        var dict = new PyDict
        {
            ["n"] = 3L,
            ["lr"] = 0.001,
            ["on"] = true,
            ["off"] = false,
            ["none"] = null,
            ["nested"] = new PyDict { ["k"] = "v" },
            ["list"] = new List<object?> { "a", 1L, true },
            ["empty"] = new PyDict(),
        };

        Assert.AreEqual("--n 3 --lr 0.001 --on --none None --nested.k v --list a 1 True", TemplateText.ToCliArgs(dict));
    }

    [TestMethod]
    public void NestedListInCliArgumentsIsAnError()
    {
        var dict = new PyDict { ["x"] = new List<object?> { new List<object?> { 1L } } };

        var ex = Assert.ThrowsExactly<TemplateException>(() => TemplateText.ToCliArgs(dict));
        Assert.AreEqual("Cannot interpolate nested iterable in 'x'", ex.Message);
    }

    [TestMethod]
    public void ExactExpressionKeepsTypeAndEscapesStayLiteral()
    {
        var stages = Load("""
            vars:
              - n: 3
                flag: true
                lst: [1, 2]
            stages:
              s:
                cmd: echo \${n} ${n} ${lst[1]} ${ flag }
                deps: ["${n}"]
            """);

        var stage = stages.Single();
        Assert.AreEqual("echo ${n} 3 2 true", stage.Cmd);
        Assert.AreEqual("3", stage.Deps[0].Path);
    }

    [TestMethod]
    public void KeysInsideNestedMapsAreInterpolated()
    {
        var stage = Load("""
            vars:
              - model: m
            stages:
              s:
                cmd: x
                outs:
                  - ${model}.pkl: {cache: false}
                  - ${model}.pkl
            """).Single();

        Assert.AreEqual(1, stage.Outs.Count);
        Assert.AreEqual(new OutSpec("m.pkl", Cache: false, Location: stage.Outs[0].Location), stage.Outs[0]);
    }

    [TestMethod]
    public void ForeachOverReferencedListNamesBooleansWithPythonStr()
    {
        var names = Load("""
            vars:
              - flags: [true, 1]
            stages:
              ref:
                foreach: ${flags}
                do:
                  cmd: echo ${item}
              lit:
                foreach: [true, 1]
                do:
                  cmd: echo ${item}
            """).Select(s => s.Name + "=" + s.Cmd).ToArray();

        CollectionAssert.AreEqual(new[] { "ref@True=echo true", "ref@1=echo 1", "lit@true=echo true", "lit@1=echo 1" }, names);
    }

    [TestMethod]
    public void StageVarsAreRelativeToWdirAndLocalToTheStage()
    {
        using var repo = FixtureRepo.Create("06-errors");
        repo.Write("sub/local.yaml", "depth: 4\n");
        repo.Write("dvc.yaml", """
            stages:
              a:
                wdir: sub
                vars: [local.yaml]
                cmd: echo ${depth}
              b:
                cmd: echo ${depth}
            """);

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        StringAssert.StartsWith(ex.Message, "failed to parse 'stages.b.cmd' in 'dvc.yaml': Could not find 'depth'");
        Assert.AreEqual(7, ex.Location!.Line);
    }

    [TestMethod]
    public void RedefiningAParamsValueInVarsIsAnError()
    {
        using var repo = FixtureRepo.Create("06-errors");
        repo.Write("dvc.yaml", "vars:\n  - train: {lr: 1}\nstages:\n  s:\n    cmd: x\n");

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        Assert.AreEqual(DvcErrorCode.InvalidVars, ex.Code);
        Assert.AreEqual("failed to parse 'vars' in 'dvc.yaml': cannot redefine 'train.lr' from 'vars[0]' as it already exists in 'params.yaml'", ex.Message);
        Assert.AreEqual((2, 5), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    public void VarsMayNotInterpolate()
    {
        using var repo = FixtureRepo.Create("06-errors");
        repo.Write("dvc.yaml", "vars:\n  - a: ${train.lr}\nstages: {}\n");

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        Assert.AreEqual("failed to parse 'vars' in 'dvc.yaml': interpolating is not allowed", ex.Message);
    }

    [TestMethod]
    public void MissingVarsFileAndKeyAreReported()
    {
        using var repo = FixtureRepo.Create("06-errors");
        repo.Write("dvc.yaml", "vars:\n  - params.yaml:nokey\nstages: {}\n");

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        // params.yaml was already loaded whole (it is the default), so a partial load is refused.
        Assert.AreEqual("failed to parse 'vars' in 'dvc.yaml': cannot partially load 'params.yaml:nokey' as it's already loaded.", ex.Message);

        repo.Write("dvc.yaml", "vars:\n  - nofile.yaml\nstages: {}\n");
        ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));
        Assert.AreEqual("failed to parse 'vars' in 'dvc.yaml': 'nofile.yaml' does not exist", ex.Message);
    }

    [TestMethod]
    public void ForeachOverAScalarIsAnError()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => Load("vars: [{n: 3}]\nstages:\n  s:\n    foreach: ${n}\n    do: {cmd: x}\n"));

        Assert.AreEqual("failed to resolve 'stages.s.foreach' in 'dvc.yaml': expected list/dictionary, got int", ex.Message);
    }

    private static IReadOnlyList<StageDefinition> Load(string yaml)
    {
        using var repo = FixtureRepo.Create("05-cmd-forms");
        repo.Write("dvc.yaml", yaml);
        return PipelineLoader.Load(repo.Root, "dvc.yaml").Stages;
    }
}
