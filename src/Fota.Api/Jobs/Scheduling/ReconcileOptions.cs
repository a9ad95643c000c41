namespace Fota.Api.Jobs.Scheduling;

/// <summary>
/// Section <c>Fota:Reconcile</c>: how <see cref="ScheduleReconciler"/> resolves schedule intents whose outcome is unknown.
/// TimeSpans are written like <c>00:00:30</c>.
/// </summary>
public sealed class ReconcileOptions
{
    public const string Section = "Fota:Reconcile";

    /// <summary>Whether this instance reconciles at all (another instance sharing the database may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the reconciler looks for due intents.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait after an unknown outcome before the first look at nRF Cloud's job list; also the first backoff.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two looks at nRF Cloud for one intent (the wait doubles with the intent's age).</summary>
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An intent still unresolved this long after its request becomes GAVE_UP (kept for an operator, blocks nothing).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most one account's listing (every page) may take; its intents are retried after it.</summary>
    public TimeSpan AccountTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far nRF Cloud's <c>createdAt</c> may lie outside the intent's window (clock skew between the two).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}
