using System.Text.RegularExpressions;

namespace Dvc.Core.Remotes;

/// <summary>
/// Finds credentials written into a remote URL (a password in <c>user:password@</c>, a signature or
/// token in the query, as in an Azure SAS URL) and hides them, so they never reach a committed file
/// or a message.
/// </summary>
internal static partial class UrlCredentials
{
    // Query keys that carry a secret: SAS and presigned-URL signatures, tokens, passwords, keys.
    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "sig", "signature", "token", "sas_token", "access_token", "password", "passwd", "secret",
        "secret_access_key", "access_key", "account_key", "key", "x-amz-signature", "x-amz-security-token",
        "x-amz-credential", "x-goog-signature", "x-goog-credential", "code",
    };

    /// <summary>What kind of credential <paramref name="url"/> holds ("a password", "a token"), or null.</summary>
    public static string? Find(string url)
    {
        var match = UrlParts().Match(url);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["password"].Success && match.Groups["password"].Length > 0)
        {
            return "a password";
        }

        return QueryKeys(match.Groups["query"].Value).Any(SecretKeys.Contains) ? "a signature or token" : null;
    }

    /// <summary><paramref name="url"/> with every password and secret query value replaced by <c>***</c>.</summary>
    public static string Redact(string url)
    {
        var match = UrlParts().Match(url);
        if (!match.Success)
        {
            return url;
        }

        var redacted = url;
        var query = match.Groups["query"];
        if (query.Success && query.Length > 0)
        {
            var parts = query.Value.Split('&').Select(part =>
            {
                var eq = part.IndexOf('=');
                var key = eq < 0 ? part : part[..eq];
                return SecretKeys.Contains(Uri.UnescapeDataString(key)) ? key + "=***" : part;
            });
            redacted = redacted[..query.Index] + string.Join("&", parts) + redacted[(query.Index + query.Length)..];
        }

        var password = match.Groups["password"];
        if (password.Success && password.Length > 0)
        {
            redacted = redacted[..password.Index] + "***" + redacted[(password.Index + password.Length)..];
        }

        return redacted;
    }

    private static IEnumerable<string> QueryKeys(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part => Uri.UnescapeDataString(part.Split('=')[0]));

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://(?:(?<user>[^/?#@:]*)(?::(?<password>[^/?#@]*))?@)?[^?#]*(?:\?(?<query>[^#]*))?", RegexOptions.CultureInvariant)]
    private static partial Regex UrlParts();
}
