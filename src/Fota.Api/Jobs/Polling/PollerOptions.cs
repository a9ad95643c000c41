namespace Fota.Api.Jobs.Polling;

/// <summary>Section <c>Fota:Poller</c>: how the status poller paces itself. TimeSpans are written like <c>00:00:00.050</c>.</summary>
public sealed class PollerOptions
{
    public const string Section = "Fota:Poller";

    /// <summary>Whether this instance polls at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wait after a poll that changed the job (or the first poll), before polling it again.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two polls of one job.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each poll that changes nothing multiplies the wait by this.</summary>
    public double BackoffFactor { get; set; } = 2;

    /// <summary>How often the poller looks for due jobs when no new job woke it.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many nRF Cloud calls at once from this instance.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// At most this many of the <see cref="MaxConcurrency"/> slots poll one account's jobs at once; null means all of them
    /// but one (at least 1), so a slow or failing account always leaves a slot for the others, and a deployment with one
    /// account (the usual case) keeps nearly all of its throughput.
    /// </summary>
    public int? MaxConcurrencyPerAccount { get; set; }

    /// <summary>The slots one account may hold: <see cref="MaxConcurrencyPerAccount"/> or its default.</summary>
    public int SlotsPerAccount => MaxConcurrencyPerAccount ?? Math.Max(1, MaxConcurrency - 1);

    /// <summary>How long a claimed job is reserved for this instance; a poll still running then is cancelled.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A job older than this that nRF Cloud still cannot produce becomes FAILED.</summary>
    public TimeSpan NotFoundFailAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many due jobs one claim takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The wait before the next poll, after <paramref name="unchangedPolls"/> polls in a row (1 or more) that changed nothing.</summary>
    public TimeSpan DelayAfter(int unchangedPolls)
    {
        var factor = Math.Pow(BackoffFactor, Math.Max(0, unchangedPolls - 1));
        var delay = FirstRetryDelay.TotalMilliseconds * factor;
        return double.IsFinite(delay) && delay < MaxRetryDelay.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(delay)
            : MaxRetryDelay;
    }
}
