namespace Fota.Api.UpgradePaths;

/// <summary>Section <c>Fota:UpgradePath</c>: how the upgrade-path flow (SPEC §3.6) paces itself. TimeSpans like <c>00:00:00.050</c>.</summary>
public sealed class UpgradePathOptions
{
    public const string Section = "Fota:UpgradePath";

    /// <summary>Whether this instance runs the flow at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a waiting job looks again (its nRF Cloud job, the device's stored state), and how often the flow looks for due jobs when nothing woke it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long step 4 waits for the device to report a new version.</summary>
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Jobs claimed at once, at most <see cref="UpgradePathFlow.ClaimAheadPerSlot"/> per free slot of <see cref="MaxConcurrency"/> (below it, the slots fill over several looks).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Jobs run at once by this instance, each in its own slot: a slow step (an nRF Cloud call) holds only its own.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The longest wait between two attempts to cancel a step's nRF Cloud job.</summary>
    public TimeSpan MaxCancelRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What the flow's claim of a job holds beyond a whole create (<c>FotaScheduler.CreateBound(NrfCloud:TotalTimeout)</c>), and
    /// how long a claimed job may wait in the local queue for a slot. A dead instance's jobs resume once it has run out.
    /// </summary>
    public TimeSpan ClaimMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed attempts the cancel at nRF Cloud is given up (logged; the job execution shows the outcome).</summary>
    public int MaxCancelAttempts { get; set; } = 20;
}
