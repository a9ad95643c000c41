using System.Diagnostics;
using Fota.Api.Storage;

namespace Fota.Api.Telemetry;

/// <summary>
/// One status poll of one job: the span <c>FOTA poll</c> (its nRF Cloud call is a child) and its time in
/// <c>fota.poll.duration</c>, by outcome: <c>changed</c>, <c>unchanged</c>, <c>final</c> or <c>failed</c>.
/// </summary>
public sealed class PollTrace : IDisposable
{
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _account;
    private string _outcome = "cancelled";

    private PollTrace(ClaimedJob job)
    {
        _account = job.Account;
        _span = FotaTelemetry.Source.StartActivity("FOTA poll");
        _span?.SetTag(FotaTelemetry.Tags.JobId, job.JobId);
        _span?.SetTag(FotaTelemetry.Tags.Account, job.Account);
    }

    /// <summary>The span's W3C <c>traceparent</c>, which the change events this poll causes carry.</summary>
    public string? TraceParent => _span?.Id;

    public static PollTrace Start(ClaimedJob job) => new(job);

    public void Finished(ClaimedJob job, PollOutcome outcome)
    {
        _outcome = outcome.Update switch
        {
            null => "failed",
            { IsFinal: true } => "final",
            var update when update.Status != job.Status || update.StatusDetail != job.StatusDetail || update.Version != job.Version => "changed",
            _ => "unchanged",
        };
        _span?.SetTag(FotaTelemetry.Tags.JobStatus, outcome.Update?.Status ?? job.Status);
        if (_outcome == "failed")
        {
            _span.Fail("the status poll failed; retried later");
        }
    }

    public void Dispose()
    {
        _span?.SetTag(FotaTelemetry.Tags.Outcome, _outcome);
        _span?.Dispose();
        FotaTelemetry.PollDuration.Record(
            Stopwatch.GetElapsedTime(_started).TotalSeconds,
            new KeyValuePair<string, object?>(FotaTelemetry.Tags.Account, _account),
            new KeyValuePair<string, object?>(FotaTelemetry.Tags.Outcome, _outcome));
    }
}
