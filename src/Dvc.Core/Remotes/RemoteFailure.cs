using Dvc.Core.Errors;

namespace Dvc.Core.Remotes;

/// <summary>
/// The errors a remote storage reports: one code per kind of fault, each naming the remote, where
/// it is and the object path, with the server's own words. Never any credential.
/// </summary>
internal static class RemoteFailure
{
    public static DvcException Unreachable(RemoteConfig remote, string location, string path, string detail, Exception? inner = null) =>
        Make(DvcErrorCode.RemoteUnreachable, remote, location, path, "cannot reach the remote", detail, inner);

    public static DvcException Authentication(RemoteConfig remote, string location, string path, string detail, Exception? inner = null) =>
        Make(DvcErrorCode.RemoteAuthenticationFailed, remote, location, path, "the remote refused the credentials", detail, inner);

    public static DvcException ContainerMissing(RemoteConfig remote, string location, string path, string what, string detail, Exception? inner = null) =>
        Make(DvcErrorCode.RemoteContainerMissing, remote, location, path, $"the {what} does not exist", detail, inner);

    public static DvcException ObjectMissing(RemoteConfig remote, string location, string path, string detail, Exception? inner = null) =>
        Make(DvcErrorCode.RemoteObjectMissing, remote, location, path, $"remote '{remote.Name}' has no object '{path}'", detail, inner, named: true);

    public static DvcException RequestFailed(RemoteConfig remote, string location, string path, string detail, Exception? inner = null) =>
        Make(DvcErrorCode.RemoteRequestFailed, remote, location, path, "the remote request failed", detail, inner);

    public static DvcException InvalidUrl(RemoteConfig remote, string detail) =>
        new(DvcErrorCode.RemoteInvalidUrl, $"remote '{remote.Name}': {detail}");

    // The location of the error is the object's URL, so MSBuild's canonical line starts with it.
    private static DvcException Make(string code, RemoteConfig remote, string location, string path, string summary, string detail, Exception? inner, bool named = false)
    {
        var where = path.Length == 0 ? location : $"{location.TrimEnd('/')}/{path}";
        var message = named ? $"{summary} ('{where}')" : $"remote '{remote.Name}' ('{where}'): {summary}";
        detail = detail.Trim();
        return new DvcException(code, detail.Length == 0 ? message : $"{message}: {detail}", new SourceLocation(where), inner);
    }
}
