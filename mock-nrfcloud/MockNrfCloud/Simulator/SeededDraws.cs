namespace MockNrfCloud.Simulator;

/// <summary>
/// Reproducible draws from Mock:Simulator:Seed. A draw depends only on the seed, what it is for and the how-manieth it is
/// in its API key's sequence (the n-th job created, the n-th request), never on timing or other keys — so the same seed
/// gives the same outcomes, and concurrent accounts do not disturb each other.
/// </summary>
internal readonly struct SeededDraws(int seed)
{
    public const int JobOutcome = 1;
    public const int FailureKind = 2;
    public const int TransientError = 3;

    /// <summary>A uniform value in [0, 1) for draw <paramref name="n"/> of <paramref name="purpose"/>.</summary>
    public double Uniform(int purpose, long n) => (Mix(((ulong)(uint)seed << 32) ^ ((ulong)purpose << 56) ^ (ulong)n) >> 11) * (1.0 / (1UL << 53));

    /// <summary>The n-th job's final status: COMPLETED, or with <paramref name="failureRate"/> one of the failures.</summary>
    public string JobOutcomeFor(long n, double failureRate) =>
        Uniform(JobOutcome, n) < failureRate
            ? JobStatuses.Failures[(int)(Uniform(FailureKind, n) * JobStatuses.Failures.Length)]
            : JobStatuses.Completed;

    // SplitMix64's finaliser: every input bit affects every output bit.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
