using System.Text.Json;
using Dvc.Core.IO;

namespace Dvc.Core.Queue;

/// <summary>The states of DVC's TaskStatus (executor/base.py), the numbers it stores in an info file.</summary>
internal enum QueueTaskStatus
{
    Pending = 0,
    Preparing = 1,
    Running = 2,
    Success = 3,
    Failed = 4,
    Canceled = 5,
    Finished = 6,
}

/// <summary>
/// An entry's <c>&lt;stash_rev&gt;.run</c> file, in DVC's ExecutorInfo JSON: what ran where and how it
/// ended. It survives the entry's removal from the queue, which is how QueueStatus knows a run
/// succeeded, and it is written before the entry leaves the queue, so a build killed in between
/// does not run the entry twice.
/// </summary>
/// <param name="Location">DVC's executor location: "dvc-task" for the queue's runs, "tempdir" for Temp runs.</param>
internal sealed record ExecutorInfo(string BaselineRev, string Name, string RootDir, QueueTaskStatus Status, string? ResultRef = null, string? ResultHash = null, string Location = ExecutorInfo.QueueLocation)
{
    public const string QueueLocation = "dvc-task";
    public const string TempLocation = "tempdir";

    public void Save(string path)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("git_url", RootDir);
            json.WriteString("baseline_rev", BaselineRev);
            json.WriteString("location", Location);
            json.WriteString("root_dir", RootDir);
            json.WriteString("dvc_dir", ".dvc");
            json.WriteString("name", Name);
            json.WriteNull("wdir");
            WriteNullable(json, "result_hash", ResultHash);
            WriteNullable(json, "result_ref", ResultRef);
            json.WriteBoolean("result_force", false);
            json.WriteNumber("status", (int)Status);
            json.WriteEndObject();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    public static ExecutorInfo? TryLoad(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new ExecutorInfo(
                Text("baseline_rev") ?? "",
                Text("name") ?? "",
                Text("root_dir") ?? "",
                root.TryGetProperty("status", out var status) && status.TryGetInt32(out var number) ? (QueueTaskStatus)number : QueueTaskStatus.Pending,
                Text("result_ref"),
                Text("result_hash"),
                Text("location") ?? QueueLocation);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
