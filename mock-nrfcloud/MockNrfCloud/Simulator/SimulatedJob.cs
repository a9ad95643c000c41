namespace MockNrfCloud.Simulator;

/// <summary>A job's status at one moment: what GET /v1/fota-jobs/{id} reports.</summary>
internal readonly record struct JobStatus(string Status, string StatusDetail, DateTimeOffset LastUpdatedAt)
{
    public bool IsFinal => Status is not (JobStatuses.Queued or JobStatuses.InProgress);
}

internal static class JobStatuses
{
    public const string Queued = "QUEUED";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Cancelled = "CANCELLED";

    /// <summary>The failures a job may end with instead of COMPLETED (Mock:Simulator:FailureRate).</summary>
    public static readonly string[] Failures = ["FAILED", "TIMED_OUT", "REJECTED"];

    public static string Detail(string status) => status switch
    {
        Queued => "Job created",
        InProgress => "Job auto applied",
        Completed => "Job completed",
        Cancelled => "Job cancelled",
        "FAILED" => "The device reported a failure",
        "TIMED_OUT" => "The job timed out",
        "REJECTED" => "The device rejected the job",
        _ => status,
    };
}

/// <summary>
/// A simulated nRF Cloud job. Nothing runs per job: its status is computed from its creation time on every read —
/// QUEUED, after one step IN_PROGRESS, after two steps <see cref="Outcome"/> — unless it was cancelled before.
/// Mutated (cancel) only under its account's lock.
/// </summary>
internal sealed class SimulatedJob(string jobId, FirmwareBundle bundle, IReadOnlyList<string> deviceIds, DateTimeOffset createdAt, string outcome)
{
    public string JobId { get; } = jobId;

    public FirmwareBundle Bundle { get; } = bundle;

    public IReadOnlyList<string> DeviceIds { get; } = deviceIds;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The final status drawn at creation: COMPLETED or one of <see cref="JobStatuses.Failures"/>.</summary>
    public string Outcome { get; } = outcome;

    public DateTimeOffset? CancelledAt { get; private set; }

    public JobStatus StatusAt(DateTimeOffset now, TimeSpan step)
    {
        if (CancelledAt is { } cancelled && now >= cancelled)
        {
            return new(JobStatuses.Cancelled, JobStatuses.Detail(JobStatuses.Cancelled), cancelled);
        }

        var status = now < CreatedAt + step ? JobStatuses.Queued
            : now < EndsAt(step) ? JobStatuses.InProgress
            : Outcome;
        var since = status == JobStatuses.Queued ? CreatedAt : status == JobStatuses.InProgress ? CreatedAt + step : EndsAt(step);
        return new(status, JobStatuses.Detail(status), since);
    }

    /// <summary>When the job completed, or null when it did not (yet) or ended otherwise.</summary>
    public DateTimeOffset? CompletedAt(DateTimeOffset now, TimeSpan step) =>
        StatusAt(now, step).Status == JobStatuses.Completed ? EndsAt(step) : null;

    /// <summary>Cancels the job when it is not final at <paramref name="now"/>; returns its status before.</summary>
    public JobStatus Cancel(DateTimeOffset now, TimeSpan step)
    {
        var before = StatusAt(now, step);
        if (!before.IsFinal)
        {
            CancelledAt = now;
        }

        return before;
    }

    private DateTimeOffset EndsAt(TimeSpan step) => CreatedAt + step + step;
}
