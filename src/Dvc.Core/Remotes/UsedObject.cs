namespace Dvc.Core.Remotes;

/// <summary>A cache object an output needs (<c>md5</c> or <c>md5.dir</c>) and the output path it is known by in messages.</summary>
internal sealed record UsedObject(string Md5, string Name)
{
    public bool IsDir => Md5.EndsWith(".dir", StringComparison.Ordinal);

    /// <summary>Where DVC 3 keeps the object on a remote: <c>files/md5/ab/cdef…</c>.</summary>
    public string RemotePath => PathOf(Md5);

    public static string PathOf(string md5) => $"files/md5/{md5[..2]}/{md5[2..]}";
}
