using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.IO;

namespace Dvc.Core.Repro;

/// <summary>
/// What the executor does with a failed stage, as DVC's <c>handle_error</c> and <c>_raise_error</c>:
/// with <see cref="OnError.Fail"/> the failure is the build's error and nothing new starts; with
/// <see cref="OnError.KeepGoing"/> it is a warning, the stages downstream of it are skipped (a warning
/// names them) and the build ends with one error naming every failed stage; with
/// <see cref="OnError.Ignore"/> it is a warning ending in " (ignored)" and nothing else changes.
/// A cancelled build always stops.
/// </summary>
internal sealed class FailurePolicy
{
    private readonly OnError _onError;
    private readonly IReproLog _log;
    private readonly Action<Exception> _failed;
    private readonly SortedDictionary<int, string> _failedStages = new();

    public FailurePolicy(OnError onError, IReproLog log, Action<Exception> failed)
    {
        _onError = onError;
        _log = log;
        _failed = failed;
    }

    /// <summary>Plan positions that will not start because a stage upstream of them failed.</summary>
    public HashSet<int> Skipped { get; } = new();

    public bool IgnoresFailures => _onError == OnError.Ignore;

    /// <returns>Whether the build goes on.</returns>
    public bool Handle(Plan plan, int position, Exception error, CancellationToken cancellation)
    {
        if (_onError == OnError.Fail || cancellation.IsCancellationRequested || AsDvc(error) is not { } dvc)
        {
            _failed(error);
            return false;
        }

        lock (_failedStages)
        {
            _failedStages[position] = plan.Stages[position].Addressing;
            if (_onError == OnError.Ignore)
            {
                _log.Warning(dvc.Code, dvc.Message + " (ignored)", dvc.Location);
                return true;
            }

            _log.Warning(dvc.Code, dvc.Message, dvc.Location);
            var dependents = new List<string>();
            for (var i = 0; i < plan.Stages.Count; i++)
            {
                if (plan.Decisions[i].Visit && plan.Stages[i].UpstreamInPlan.Contains(position) && Skipped.Add(i))
                {
                    dependents.Add(plan.Stages[i].Addressing);
                }
            }

            if (dependents.Count > 0)
            {
                _log.Warning(dvc.Code, $"{(dependents.Count > 1 ? "Stages" : "Stage")} {HumanList.JoinQuoted(dependents)} will be skipped due to this failure", dvc.Location);
            }

            return true;
        }
    }

    /// <summary>After the last stage: KeepGoing's closing error (<c>failed to reproduce stages: 'a' and 'b'</c>).</summary>
    /// <returns>Whether the build succeeded.</returns>
    public bool Finish()
    {
        // Stages fail on their own threads, but DVC names them in plan order.
        if (_onError != OnError.KeepGoing || _failedStages.Count == 0)
        {
            return true;
        }

        var segment = _failedStages.Count > 1 ? " stages:" : "";
        _failed(new DvcException(DvcErrorCode.StageCommandFailed, $"failed to reproduce{segment} {HumanList.JoinQuoted(_failedStages.Values)}"));
        return false;
    }

    private static DvcException? AsDvc(Exception error) => error switch
    {
        DvcException dvc => dvc,
        IOException io => IoErrors.ToDvc(io),
        _ => null,
    };
}
