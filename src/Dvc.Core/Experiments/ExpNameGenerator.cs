namespace Dvc.Core.Experiments;

/// <summary>Random experiment names ("brisk-fern"), re-drawn until the baseline has no experiment of that name.</summary>
internal static class ExpNameGenerator
{
    /// <summary>
    /// A name not yet used by an experiment of this baseline. A fresh <see cref="Random"/> per call,
    /// as DVC does, so that a seeded shared generator elsewhere cannot make names repeat.
    /// </summary>
    /// <param name="isTaken">True when the name is already used (normally: its <see cref="ExpRef"/> exists).</param>
    public static string Generate(Func<string, bool> isTaken)
    {
        var random = new Random();
        // ~147,000 combinations; after many misses fall back to a numeric suffix rather than loop forever.
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var name = Draw(random);
            if (!isTaken(name))
            {
                return name;
            }
        }

        for (var suffix = 2; ; suffix++)
        {
            var name = $"{Draw(random)}-{suffix}";
            if (!isTaken(name))
            {
                return name;
            }
        }
    }

    private static string Draw(Random random) =>
        $"{ExpNameWords.Adjectives[random.Next(ExpNameWords.Adjectives.Length)]}-{ExpNameWords.Nouns[random.Next(ExpNameWords.Nouns.Length)]}";
}
