namespace Dvc.Core.Remotes;

/// <summary>
/// One <c>['remote "name"']</c> section of <c>.dvc/config</c> merged with <c>.dvc/config.local</c>:
/// its <c>url</c> and every other option (credentials included, which must never be printed).
/// </summary>
internal sealed record RemoteConfig(string Name, string Url, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The URL's scheme in lower case (<c>ssh</c>, <c>s3</c>, <c>azure</c>), or empty for a local path.</summary>
    public string Scheme
    {
        get
        {
            var colon = Url.IndexOf("://", StringComparison.Ordinal);
            return colon <= 0 ? "" : Url[..colon].ToLowerInvariant();
        }
    }

    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;

    /// <summary>An object store URL's parts (<c>s3://bucket/a/b/</c> → <c>bucket</c>, <c>a/b</c>); empty when absent.</summary>
    public (string Bucket, string Folder) BucketAndFolder()
    {
        var schemeEnd = Url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? "" : Url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..].Trim('/'));
    }

    /// <summary>The <c>timeout</c> option in seconds, or <paramref name="fallback"/> when it is not set.</summary>
    /// <exception cref="Errors.DvcException">DVC1653: not a positive number of seconds.</exception>
    public TimeSpan Timeout(TimeSpan fallback)
    {
        if (Option("timeout") is not { } timeout)
        {
            return fallback;
        }

        return double.TryParse(timeout, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw RemoteFailure.InvalidUrl(this, $"timeout '{timeout}' is not a number of seconds");
    }
}
