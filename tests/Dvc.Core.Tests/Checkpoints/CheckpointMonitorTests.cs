using Dvc.Core.Checkpoints;
using Dvc.Core.Errors;

namespace Dvc.Core.Tests.Checkpoints;

[TestClass]
public sealed class CheckpointMonitorTests
{
    private static void WaitUntilGone(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(path))
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, "the signal was never released");
            Thread.Sleep(5);
        }
    }

    [TestMethod]
    public void Each_signal_is_registered_once_then_released()
    {
        using var dir = new TempDirectory();
        var signal = CheckpointSignal.PathFor(dir.Path);
        var registered = 0;
        using var monitor = new CheckpointMonitor(signal, () => registered++, CancellationToken.None);

        for (var i = 1; i <= 3; i++)
        {
            dir.Write(".dvc/tmp/DVC_CHECKPOINT", "");
            WaitUntilGone(signal);
            Assert.AreEqual(i, registered);
        }

        monitor.Complete();
        Assert.AreEqual(3, monitor.Registered);
    }

    [TestMethod]
    public void A_stale_signal_of_an_earlier_run_is_not_a_checkpoint()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/tmp/DVC_CHECKPOINT", "");
        var registered = 0;
        using var monitor = new CheckpointMonitor(CheckpointSignal.PathFor(dir.Path), () => registered++, CancellationToken.None);

        monitor.Complete();

        Assert.AreEqual(0, registered);
    }

    [TestMethod]
    public void A_signal_written_just_before_the_command_ended_is_still_registered()
    {
        using var dir = new TempDirectory();
        var registered = 0;
        using var monitor = new CheckpointMonitor(CheckpointSignal.PathFor(dir.Path), () => registered++, CancellationToken.None);

        dir.Write(".dvc/tmp/DVC_CHECKPOINT", "");
        monitor.Complete();

        Assert.AreEqual(1, registered);
        Assert.IsFalse(File.Exists(CheckpointSignal.PathFor(dir.Path)));
    }

    [TestMethod]
    public void A_failed_registration_releases_the_command_stops_it_and_is_DVC1740()
    {
        using var dir = new TempDirectory();
        var signal = CheckpointSignal.PathFor(dir.Path);
        using var monitor = new CheckpointMonitor(signal, () => throw new IOException("disk full"), CancellationToken.None);

        dir.Write(".dvc/tmp/DVC_CHECKPOINT", "");
        WaitUntilGone(signal);

        Assert.IsTrue(monitor.CommandCancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "the command is stopped");
        var error = Assert.ThrowsExactly<DvcException>(monitor.Complete);
        Assert.AreEqual(DvcErrorCode.CheckpointFailed, error.Code);
        StringAssert.Contains(error.Message, "disk full");
    }
}
