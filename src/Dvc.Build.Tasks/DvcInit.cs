using Dvc.Core.Repository;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc init</c>: creates .dvc/ in the project folder.</summary>
public sealed class DvcInit : DvcTask
{
    [Required]
    public string Directory { get; set; } = "";

    /// <summary>The folder is inside a larger git repository (<c>dvc init --subdir</c>).</summary>
    public bool Subdir { get; set; }

    public bool Force { get; set; }

    protected override void Run()
    {
        DvcInitializer.Init(Directory, Subdir, Force);
        WriteLine("Initialized DVC repository.");
        WriteLine("");
        WriteLine("You can now commit the changes to git.");
    }
}
