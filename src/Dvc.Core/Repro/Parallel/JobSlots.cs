namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// Caps how many stages of one build reproduce at once, across every node: a stage holds one of
/// <c>jobs</c> slot files open exclusively (an flock on Unix, released by the OS if the process
/// dies). Needed because a node that yields while a stage command runs may start another stage,
/// so the node count alone does not bound the work.
/// </summary>
public sealed class JobSlots
{
    private readonly string _directory;
    private readonly int _jobs;

    public JobSlots(string directory, int jobs)
    {
        _directory = directory;
        _jobs = Math.Max(1, jobs);
    }

    public IDisposable Acquire(CancellationToken cancellation)
    {
        Directory.CreateDirectory(_directory);
        while (true)
        {
            for (var slot = 0; slot < _jobs; slot++)
            {
                try
                {
                    return new FileStream(Path.Combine(_directory, $"slot.{slot}"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    // Taken by a running stage: try the next one.
                }
            }

            cancellation.WaitHandle.WaitOne(25);
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
