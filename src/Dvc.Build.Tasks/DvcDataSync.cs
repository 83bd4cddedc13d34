using Dvc.Core.Errors;
using Dvc.Core.Progress;
using Dvc.Core.Remotes;
using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Build.Tasks;

/// <summary>
/// <c>dvc push</c>, <c>dvc fetch</c> and <c>dvc pull</c> (the Operation): the cached outputs of the
/// targeted stages (default: every stage and .dvc file of the repository), with RunCache the
/// run-cache too, between the cache and a remote. Prints progress while files move (a line a
/// second at most) and DVC's summary line. Pull refuses to replace a modified output whose content
/// is in no cache, unless Force, as <c>dvc pull</c> without <c>--force</c>.
/// </summary>
public sealed class DvcDataSync : DvcPlanTask
{
    /// <summary><c>push</c>, <c>fetch</c> or <c>pull</c>.</summary>
    public string Operation { get; set; } = "";

    /// <summary>The remote (<c>-r</c>); empty: each output's own remote or the default.</summary>
    public string? Remote { get; set; }

    /// <summary>Also the run-cache entries and the outputs they record (<c>--run-cache</c>).</summary>
    public bool RunCache { get; set; }

    /// <summary>Parallel transfers (<c>-j</c>); empty: the remote's <c>jobs</c> or DVC's default.</summary>
    public string? Jobs { get; set; }

    protected override void Run()
    {
        var operation = Operation.ToLowerInvariant();
        if (operation is not ("push" or "fetch" or "pull"))
        {
            throw new DvcException(DvcErrorCode.InvalidOption, $"unknown Operation '{Operation}': use push, fetch or pull");
        }

        var options = new SyncOptions { Remote = string.IsNullOrWhiteSpace(Remote) ? null : Remote.Trim(), Jobs = ParseJobs(Jobs), RunCache = RunCache };
        if (operation != "push")
        {
            // Pull and fetch write the cache and the workspace: not while a build of this repository runs.
            BuildLockHolder.Hold(BuildEngine, ProjectDirectory, null, WriteLine, Cancellation);
        }

        var log = CreateLog(ProgressThrottle.ForTransferLog());
        var (context, plan) = PlannedPipeline.Load(Request.WholeRepositoryUnlessTargeted() with { SingleItem = !string.IsNullOrWhiteSpace(Targets) });
        using (context)
        using (ProgressScope.Enter(log.Progress))
        {
            var sync = new DataSync(context, options, message => log.Warning(DvcErrorCode.RemoteObjectMissing, message));
            if (operation == "push")
            {
                var pushed = sync.Push(plan, Cancellation);
                WriteLine(Summary(("pushed", pushed.Transferred)));
                return;
            }

            var fetched = sync.Fetch(plan, Cancellation);
            if (operation == "fetch")
            {
                WriteLine(Summary(("fetched", fetched.Transferred)));
                return;
            }

            CheckoutResult checkout;
            using (RepositoryLock.Acquire(context.Repository, TimeSpan.FromMinutes(5)))
            {
                try
                {
                    checkout = OutputCheckout.CheckOut(context, plan, Force);
                }
                catch (DvcException e) when (e.Code == DvcErrorCode.UnsavedWorkspaceChanges)
                {
                    throw new DvcException(e.Code, "failed to pull data from the cloud - " + e.Message, e.Location, e);
                }
            }

            // dvc/repo/pull.py: the checkout's counts, then what was fetched.
            WriteLine(Summary(("added", checkout.Added.Count), ("modified", checkout.Modified.Count), ("fetched", fetched.Transferred)));
            if (checkout.Missing.Count > 0)
            {
                throw new DvcException(
                    DvcErrorCode.RemoteObjectMissing,
                    $"failed to pull data from the cloud - Checkout failed for following targets:\n{string.Join("\n", checkout.Missing)}\nIs your cache up to date?");
            }
        }
    }

    /// <summary>DVC's <c>get_summary</c>: "2 files fetched and 1 file added", or its up-to-date line.</summary>
    private static string Summary(params (string State, int Count)[] stats)
    {
        var parts = stats.Where(s => s.Count > 0).Select(s => $"{s.Count} file{(s.Count > 1 ? "s" : "")} {s.State}").ToList();
        return parts.Count switch
        {
            0 => "Everything is up to date.",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
        };
    }

    internal static int? ParseJobs(string? jobs)
    {
        if (string.IsNullOrWhiteSpace(jobs))
        {
            return null;
        }

        return int.TryParse(jobs.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new DvcException(DvcErrorCode.InvalidOption, $"Jobs must be a positive whole number, not '{jobs}'");
    }
}
