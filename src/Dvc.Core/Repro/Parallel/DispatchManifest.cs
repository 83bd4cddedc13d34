using System.Text.Json;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// What the entry node hands to the stage instances of a parallel build. MSBuild nodes are separate
/// processes that do not see the entry node's session, so the plan travels as a file: the pipeline
/// files to load, the options, and each dispatched stage with the dispatched stages it waits for.
/// </summary>
public sealed record DispatchManifest
{
    public required string ProjectDirectory { get; init; }

    /// <summary>Repository-relative dvc.yaml files the entry node loaded.</summary>
    public required IReadOnlyList<string> DvcFiles { get; init; }

    public bool Force { get; init; }

    public bool NoRunCache { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>At most this many stages reproduce at once across every node.</summary>
    public int Jobs { get; init; }

    public required IReadOnlyList<DispatchedStage> Stages { get; init; }

    /// <summary>Planned stages that had no dvc.lock entry when the build started (see SerialLockOrder).</summary>
    public IReadOnlyList<string> WithoutLockEntry { get; init; } = Array.Empty<string>();

    public ReproOptions Options => new() { Force = Force, NoRunCache = NoRunCache, Environment = Environment };

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(this));
        File.Move(temp, path, overwrite: true);
    }

    public static DispatchManifest Read(string path) =>
        JsonSerializer.Deserialize<DispatchManifest>(File.ReadAllBytes(path))
        ?? throw new InvalidDataException($"empty dispatch manifest '{path}'");
}

/// <param name="Upstream">The dispatched stages this one waits for (its other upstream stages are up to date).</param>
public sealed record DispatchedStage(string Addressing, IReadOnlyList<string> Upstream);
