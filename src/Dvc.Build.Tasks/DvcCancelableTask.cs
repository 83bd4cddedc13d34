using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// A task MSBuild can cancel (Ctrl+C): <see cref="Cancel"/> trips <see cref="Cancellation"/>, which
/// every wait of the task observes. Without it MSBuild can only repeat "waiting for the task to
/// cancel" (MSB4220) until the task returns by itself, up to the build lock's half hour.
/// </summary>
public abstract class DvcCancelableTask : DvcTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    protected CancellationToken Cancellation => _cancellation.Token;

    public void Cancel() => _cancellation.Cancel();
}
