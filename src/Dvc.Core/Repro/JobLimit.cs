namespace Dvc.Core.Repro;

/// <summary>How many stages of a parallel build may reproduce at once.</summary>
internal static class JobLimit
{
    /// <summary>
    /// Without a Jobs property: stages mostly wait on their commands (processes, I/O, sleeps), so
    /// more of them than cores costs little and every ready stage should start; twice the cores
    /// still keeps a wide fan-out of CPU-bound stages from swamping the machine.
    /// </summary>
    public static int Default => Environment.ProcessorCount * 2;
}
