using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

/// <summary>exp show's table fitted into a terminal width.</summary>
[TestClass]
public sealed class TableFitterTests
{
    private static readonly string[] Headers = ["Experiment", "Created", "acc", "loss", "lr", "epochs", "seed", "data/train.csv"];
    private static readonly int[] Groups = [0, 0, 1, 1, 2, 2, 2, 3];
    private static readonly bool[] Right = [false, false, true, true, false, false, false, false];

    private static readonly IReadOnlyList<string>[] Rows =
    [
        ["workspace", "-", "0.91", "0.2", "0.001", "10", "42", "4c3d2f8a9b1e4c3d2f8a9b1e4c3d2f8a"],
        ["main", "10:00 AM", "0.9", "0.25", "0.001", "10", "42", "4c3d2f8a9b1e4c3d2f8a9b1e4c3d2f8a"],
    ];

    [TestMethod]
    public void AWideEnoughTerminalChangesNothing()
    {
        var (headers, _, rows) = TableFitter.Fit(Headers, Right, Groups, Rows, 1000);

        CollectionAssert.AreEqual(Headers, headers);
        Assert.AreEqual(Rows[0][7], rows[0][7]);
    }

    [TestMethod]
    public void HashesShortenFirstThenColumnsCollapseFromTheRightKeepingEachGroupsFirst()
    {
        var (headers, aligned, rows) = TableFitter.Fit(Headers, Right, Groups, Rows, 70);

        CollectionAssert.AreEqual(new[] { "Experiment", "Created", "acc", "loss", "lr", "…", "data/train.csv" }, headers.ToArray());
        Assert.AreEqual("4c3d2f8", rows[0][^1]);
        Assert.AreEqual("…", rows[1][5]);
        Assert.IsTrue(aligned[2] && !aligned[5]);
        var width = RichBorderTable.Render(headers, aligned, rows).Split('\n')[0].Length;
        Assert.IsTrue(width <= 70, width.ToString());
    }
}
