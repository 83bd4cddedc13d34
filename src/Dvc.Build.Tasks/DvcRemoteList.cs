using Dvc.Core.Remotes;
using Dvc.Core.Repository;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc remote list</c>: each remote's name and URL, tab-separated; never its other options,
/// nor a password or token in the URL (a remote added with Local may hold one).</summary>
public sealed class DvcRemoteList : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    protected override void Run()
    {
        var config = RemotesConfig.Load(DvcRepository.Require(ProjectDirectory).DvcDir);
        foreach (var name in config.Names)
        {
            WriteLine($"{name}\t{UrlCredentials.Redact(config.UrlOf(name))}");
        }
    }
}
