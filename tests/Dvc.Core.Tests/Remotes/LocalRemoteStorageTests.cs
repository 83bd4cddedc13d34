using Dvc.Core.Remotes;

namespace Dvc.Core.Tests.Remotes;

[TestClass]
internal sealed class LocalRemoteStorageTests : RemoteStorageContract, IDisposable
{
    private readonly TempDirectory _remotes = new();

    public void Dispose() => _remotes.Dispose();

    protected override IRemoteStorage OpenEmpty() => new LocalRemoteStorage("storage", _remotes.Combine(Guid.NewGuid().ToString("N")));

    protected override IRemoteStorage OpenAgain(IRemoteStorage storage) => new LocalRemoteStorage("storage", storage.Location);

    [TestMethod]
    [OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ObjectsAreReadOnlyAsInDvcsLocalRemote()
    {
        var storage = Open();
        storage.Upload(Local.Write("a", "x"), "files/md5/aa/bb", CancellationToken.None);

        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(Path.Combine(storage.Location, "files/md5/aa/bb")));
    }
}
