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
}
