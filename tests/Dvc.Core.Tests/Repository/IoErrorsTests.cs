using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Tests.Repository;

[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class IoErrorsTests
{
    private const int ENOSPC = 28;
    private const int EAGAIN = 11;

    [TestMethod]
    public void ANoSpaceErrorIsSaidAsSuchAndNamesThePath()
    {
        var error = IoErrors.ToDvc(new IOException("No space left on device : '/repo/.dvc/tmp/x'", ENOSPC), "/repo/.dvc/tmp/x");

        Assert.AreEqual(DvcErrorCode.NoSpaceLeft, error.Code);
        Assert.AreEqual("no space left on device: No space left on device : '/repo/.dvc/tmp/x'", error.Message);
        Assert.AreEqual(new SourceLocation("/repo/.dvc/tmp/x"), error.Location);
    }

    [TestMethod]
    public void OnlyALockHeldElsewhereIsContention()
    {
        Assert.IsTrue(IoErrors.IsLockContention(new IOException("locked", EAGAIN)));
        Assert.IsFalse(IoErrors.IsLockContention(new IOException("full", ENOSPC)));
        Assert.IsFalse(IoErrors.IsDiskFull(new IOException("locked", EAGAIN)));
    }

    [TestMethod]
    public void TheRuntimeReportsAHeldLockAsContention()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("lock");
        using var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = Assert.ThrowsExactly<IOException>(() => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None).Dispose());

        Assert.IsTrue(IoErrors.IsLockContention(error), $"HResult {error.HResult}: {error.Message}");
    }
}
