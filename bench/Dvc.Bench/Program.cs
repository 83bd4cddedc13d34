using Dvc.Core.Cache;
using Dvc.Core.Config;
using Dvc.Core.Hashing;
using Dvc.Core.Repro;
using Dvc.Core.Status;

// Usage: Dvc.Bench hash FILE
//        Dvc.Bench restore FILE CACHE_DIR DEST LINKTYPE [MD5]
//        Dvc.Bench add FILE CACHE_DIR [MD5]
// "restore" first stores FILE in CACHE_DIR (untimed, once), then times what a restore does: the
// integrity check of the object, then the checkout; "add"
// times only storing FILE in an empty CACHE_DIR. Passing MD5 skips hashing 1 GiB before each timed
// step, which otherwise churns the page cache and the CPU right before the measurement.
switch (args)
{
    case ["hash", var file]:
        Console.WriteLine(FileHasher.Md5(file));
        break;
    case ["restore", var file, var cacheDir, var destination, var linkType, .. var known]:
        // The hash state a build keeps beside the cache, which vouches for verified objects.
        var verified = HashStateStore.Load(Path.Combine(cacheDir, "..", "hashes.bin"));
        var cache = new ObjectCache(cacheDir, verified: verified);
        var md5 = known.FirstOrDefault() ?? FileHasher.Md5(file);
        cache.AddFile(file, md5);
        if (File.Exists(destination))
        {
            File.Delete(destination);
        }

        Time(() =>
        {
            if (!cache.IsIntact(md5, new FileInfo(file).Length))
            {
                throw new InvalidOperationException("the object is not intact");
            }

            cache.Checkout(md5, destination, [Enum.Parse<LinkType>(linkType, ignoreCase: true)]);
        });
        verified.Save();
        break;
    case ["add", var file, var cacheDir, .. var known]:
        var oid = known.FirstOrDefault() ?? FileHasher.Md5(file);
        if (Directory.Exists(cacheDir))
        {
            Directory.Delete(cacheDir, recursive: true);
        }

        Time(() => new ObjectCache(cacheDir).AddFile(file, oid));
        break;
    case ["status", var project]:
        // Status in-process, split into its two halves: loading the pipelines, then the report.
        var request = new PlanRequest { ProjectDirectory = project }.WholeRepositoryUnlessTargeted();
        var lines = 0;
        var load = System.Diagnostics.Stopwatch.StartNew();
        var (context, plan) = PlannedPipeline.Load(request);
        Console.WriteLine($"load {load.Elapsed.TotalSeconds:0.000} s, {plan.Count} stages");
        using (context)
        {
            Time(() => new StatusReport(context, plan).WriteStatus(new CountingLog(() => lines++)));
        }

        Console.WriteLine($"{lines} lines");
        break;
    case ["plots", var project, .. var rounds]:
        // ExpReport in-process, split into its two halves, several rounds (the first one pays the JIT).
        for (var round = 0; round < (rounds.Length > 0 ? int.Parse(rounds[0], System.Globalization.CultureInfo.InvariantCulture) : 1); round++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (plots, report) = new Dvc.Core.Plots.PlotsRequest { ProjectDirectory = project, Report = true }.Build();
            var built = clock.Elapsed.TotalSeconds;
            using (var sink = new StreamWriter(Stream.Null))
            {
                Dvc.Core.Plots.PlotsPage.Render(sink, "report", plots, report, []);
            }

            Console.WriteLine($"read and drawn {built:0.000} s, page {clock.Elapsed.TotalSeconds - built:0.000} s");
        }

        break;
    default:
        Console.Error.WriteLine("usage: Dvc.Bench hash FILE | restore FILE CACHE_DIR DEST reflink|hardlink|copy [MD5] | add FILE CACHE_DIR [MD5] | status PROJECT | plots PROJECT [ROUNDS]");
        return 2;
}

return 0;

static void Time(Action step)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    step();
    Console.WriteLine($"{watch.Elapsed.TotalSeconds:0.000}");
}

/// <summary>Counts what a report prints, so printing costs nothing but the formatting.</summary>
internal sealed class CountingLog(Action count) : IReproLog
{
    public void Info(string message) => count();

    public void CommandOutput(string line) => count();

    public void Warning(string code, string message, Dvc.Core.Errors.SourceLocation? location = null) => count();

    public void Detail(string message)
    {
    }

    public void Progress(Dvc.Core.Progress.ProgressReport report)
    {
    }
}
