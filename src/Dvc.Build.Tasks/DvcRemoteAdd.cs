using Dvc.Core.Remotes;
using Dvc.Core.Repository;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc remote add [-d] [-f] name url</c>: writes the remote into .dvc/config as DVC writes it.</summary>
public sealed class DvcRemoteAdd : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>A local path (relative to the project folder) or a URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>Also make it the default remote (<c>core.remote</c>, <c>-d</c>).</summary>
    public bool Default { get; set; }

    /// <summary>Write <c>.dvc/config.local</c> instead of <c>.dvc/config</c> (<c>--local</c>).</summary>
    public bool Local { get; set; }

    /// <summary>Replace a remote of the same name (<c>-f</c>).</summary>
    public bool Force { get; set; }

    protected override void Run()
    {
        var repository = DvcRepository.Require(ProjectDirectory);
        if (Default)
        {
            WriteLine($"Setting '{Name}' as a default remote.");
        }

        RemoteAdder.Add(repository.DvcDir, Name, Url, Default, Force, System.IO.Path.GetFullPath(ProjectDirectory), Local);
    }
}
