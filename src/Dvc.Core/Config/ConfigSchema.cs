namespace Dvc.Core.Config;

/// <summary>
/// The sections and keys DVC 3 accepts in <c>.dvc/config</c> (dvc/config_schema.py::SCHEMA), so a
/// typo or a foreign section is refused as DVC refuses it instead of being silently ignored.
/// Values are checked where DVC checks their form (booleans, counts, choices); the link types of
/// <c>cache.type</c> are checked by <see cref="DvcConfig"/>.
/// </summary>
internal static class ConfigSchema
{
    private enum Kind
    {
        Text,
        Bool,
        PositiveInt,
        Number,
        LinkTypes,
    }

    private static readonly Dictionary<string, Kind> LocalCommon = new(StringComparer.Ordinal)
    {
        ["type"] = Kind.LinkTypes,
        ["protected"] = Kind.Bool,
        ["shared"] = Kind.Text,
        ["slow_link_warning"] = Kind.Bool,
        ["verify"] = Kind.Bool,
    };

    private static readonly Dictionary<string, Dictionary<string, Kind>> Fixed = new(StringComparer.Ordinal)
    {
        ["core"] = Keys(
            ("remote", Kind.Text), ("checksum_jobs", Kind.PositiveInt), ("interactive", Kind.Bool), ("analytics", Kind.Bool),
            ("hardlink_lock", Kind.Bool), ("no_scm", Kind.Bool), ("autostage", Kind.Bool), ("experiments", Kind.Bool),
            ("check_update", Kind.Bool), ("site_cache_dir", Kind.Text), ("machine", Kind.Text)),
        ["cache"] = Keys(
            LocalCommon,
            ("local", Kind.Text), ("s3", Kind.Text), ("gs", Kind.Text), ("hdfs", Kind.Text), ("webhdfs", Kind.Text),
            ("ssh", Kind.Text), ("azure", Kind.Text), ("dir", Kind.Text)),
        ["state"] = Keys(("dir", Kind.Text), ("row_limit", Kind.PositiveInt), ("row_cleanup_quota", Kind.Number)),
        ["index"] = Keys(("dir", Kind.Text)),
        ["plots"] = Keys(("html_template", Kind.Text), ("auto_open", Kind.Bool), ("out_dir", Kind.Text)),
        ["exp"] = Keys(
            ("code", Kind.Text), ("data", Kind.Text), ("models", Kind.Text), ("metrics", Kind.Text), ("params", Kind.Text),
            ("plots", Kind.Text), ("live", Kind.Text), ("auto_push", Kind.Bool), ("git_remote", Kind.Text)),
        ["parsing"] = Keys(("bool", Kind.Text), ("list", Kind.Text)),
        ["hydra"] = Keys(("enabled", Kind.Bool), ("config_dir", Kind.Text), ("config_module", Kind.Text), ("config_name", Kind.Text), ("plugins_path", Kind.Text)),
        ["studio"] = Keys(("token", Kind.Text), ("url", Kind.Text), ("repo_url", Kind.Text), ("offline", Kind.Bool)),
    };

    // A remote's keys depend on its URL scheme; every scheme's keys are accepted for any remote,
    // since the scheme-specific check needs the storage plugins Dvc.Build does not have.
    private static readonly Dictionary<string, Kind> Remote = Keys(
        LocalCommon,
        ("url", Kind.Text), ("checksum_jobs", Kind.PositiveInt), ("jobs", Kind.PositiveInt), ("worktree", Kind.Bool),
        ("no_traverse", Kind.Bool), ("version_aware", Kind.Bool),
        ("region", Kind.Text), ("profile", Kind.Text), ("credentialpath", Kind.Text), ("configpath", Kind.Text), ("endpointurl", Kind.Text),
        ("access_key_id", Kind.Text), ("secret_access_key", Kind.Text), ("session_token", Kind.Text), ("listobjects", Kind.Bool),
        ("use_ssl", Kind.Bool), ("allow_anonymous_login", Kind.Bool), ("ssl_verify", Kind.Text), ("sse", Kind.Text),
        ("sse_kms_key_id", Kind.Text), ("sse_customer_algorithm", Kind.Text), ("sse_customer_key", Kind.Text), ("acl", Kind.Text),
        ("grant_read", Kind.Text), ("grant_read_acp", Kind.Text), ("grant_write_acp", Kind.Text), ("grant_full_control", Kind.Text),
        ("cache_regions", Kind.Text), ("read_timeout", Kind.Number), ("connect_timeout", Kind.Number), ("projectname", Kind.Text),
        ("port", Kind.Number), ("user", Kind.Text), ("password", Kind.Text), ("ask_password", Kind.Bool), ("passphrase", Kind.Text),
        ("ask_passphrase", Kind.Bool), ("keyfile", Kind.Text), ("timeout", Kind.Number), ("gss_auth", Kind.Bool), ("allow_agent", Kind.Bool),
        ("max_sessions", Kind.Number), ("kerb_ticket", Kind.Text), ("kerberos", Kind.Bool), ("kerberos_principal", Kind.Text),
        ("proxy_to", Kind.Text), ("token", Kind.Text), ("use_https", Kind.Bool), ("data_proxy_target", Kind.Text),
        ("connection_string", Kind.Text), ("sas_token", Kind.Text), ("account_name", Kind.Text), ("account_key", Kind.Text),
        ("tenant_id", Kind.Text), ("client_id", Kind.Text), ("client_secret", Kind.Text), ("exclude_environment_credential", Kind.Bool),
        ("exclude_visual_studio_code_credential", Kind.Bool), ("exclude_shared_token_cache_credential", Kind.Bool),
        ("exclude_managed_identity_credential", Kind.Bool), ("connection_timeout", Kind.Number), ("oss_key_id", Kind.Text),
        ("oss_key_secret", Kind.Text), ("oss_endpoint", Kind.Text), ("gdrive_use_service_account", Kind.Bool),
        ("gdrive_client_id", Kind.Text), ("gdrive_client_secret", Kind.Text), ("gdrive_user_credentials_file", Kind.Text),
        ("gdrive_service_account_user_email", Kind.Text), ("gdrive_service_account_json_file_path", Kind.Text),
        ("gdrive_trash_only", Kind.Bool), ("gdrive_acknowledge_abuse", Kind.Bool), ("auth", Kind.Text), ("custom_auth_header", Kind.Text),
        ("method", Kind.Text), ("cert_path", Kind.Text), ("key_path", Kind.Text));

    private static readonly Dictionary<string, Dictionary<string, Kind>> Named = new(StringComparer.Ordinal)
    {
        ["remote"] = Remote,
        ["machine"] = Keys(
            ("cloud", Kind.Text), ("region", Kind.Text), ("image", Kind.Text), ("spot", Kind.Bool), ("spot_price", Kind.Number),
            ("instance_hdd_size", Kind.Number), ("instance_type", Kind.Text), ("instance_gpu", Kind.Text), ("ssh_private", Kind.Text),
            ("startup_script", Kind.Text), ("setup_script", Kind.Text)),
        ["db"] = Keys(("url", Kind.Text), ("username", Kind.Text), ("password", Kind.Text)),
    };

    /// <param name="overlay">The file overlays another (<c>config.local</c>): DVC validates the merged
    /// config, so a remote there may add options (credentials) to one whose <c>url</c> is in <c>config</c>.</param>
    /// <exception cref="Errors.DvcException">DVC1205 at the first section, key or value DVC would refuse.</exception>
    public static void Validate(IniFile ini, bool overlay = false)
    {
        foreach (var section in ini.Sections)
        {
            var (keys, data) = KeysOf(ini, section);
            if (keys is null)
            {
                continue; // 'feature': DVC only warns about keys it does not know and drops them
            }

            foreach (var (key, value) in section.Keys)
            {
                if (!keys.TryGetValue(key, out var kind))
                {
                    throw ini.Error(value.Line, value.Column, $"extra keys not allowed @ {data}['{key}']");
                }

                if (Problem(kind, value.Value) is { } problem)
                {
                    throw ini.Error(value.Line, value.Column, $"{problem} for dictionary value @ {data}['{key}']");
                }
            }

            if (!overlay && data.StartsWith("data['remote']", StringComparison.Ordinal) && !section.Keys.ContainsKey("url"))
            {
                throw ini.Error(section.Line, 1, $"expected 'url' for dictionary value @ {data}");
            }
        }
    }

    private static (Dictionary<string, Kind>? Keys, string Data) KeysOf(IniFile ini, IniSection section)
    {
        if (section.Name == "feature")
        {
            return (null, "data['feature']");
        }

        if (Fixed.TryGetValue(section.Name, out var keys))
        {
            return (keys, $"data['{section.Name}']");
        }

        // 'remote "name"': configobj keeps the quotes in the name; DVC splits it into section and name.
        var space = section.Name.IndexOf(' ');
        if (space > 0 && Named.TryGetValue(section.Name[..space], out keys))
        {
            var name = section.Name[(space + 1)..].Trim();
            if (name.Length >= 2 && name[0] == '"' && name[^1] == '"')
            {
                return (keys, $"data['{section.Name[..space]}']['{name[1..^1]}']");
            }
        }

        throw ini.Error(section.Line, 1, $"extra keys not allowed @ data['{section.Name}']");
    }

    private static string? Problem(Kind kind, string value) => kind switch
    {
        Kind.Bool when !value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase) =>
            "expected true or false",
        Kind.PositiveInt when !int.TryParse(value, out var n) || n < 1 => "expected an integer of at least 1",
        Kind.Number when !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) =>
            "expected a number",
        _ => null,
    };

    private static Dictionary<string, Kind> Keys(params (string Key, Kind Kind)[] keys) => Keys(null, keys);

    private static Dictionary<string, Kind> Keys(Dictionary<string, Kind>? common, params (string Key, Kind Kind)[] keys)
    {
        var all = common is null ? new Dictionary<string, Kind>(StringComparer.Ordinal) : new Dictionary<string, Kind>(common, StringComparer.Ordinal);
        foreach (var (key, kind) in keys)
        {
            all[key] = kind;
        }

        return all;
    }
}
