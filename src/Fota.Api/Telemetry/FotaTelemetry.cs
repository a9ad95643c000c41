using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fota.Api.Telemetry;

/// <summary>
/// The service's own spans (ActivitySource <c>Fota</c>) and metrics (Meter <c>Fota</c>). Every name and attribute is listed in
/// the service README ("Telemetry"). Nothing here ever sees an API key: spans and metrics carry account names only.
/// </summary>
public static class FotaTelemetry
{
    public const string Name = "Fota";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Bucket boundaries for durations in seconds (the SDK's defaults are meant for milliseconds).</summary>
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60],
    };

    public static readonly Counter<long> JobsScheduled = Meter.CreateCounter<long>(
        "fota.jobs.scheduled", "{job}", "FOTA jobs created at nRF Cloud and stored QUEUED");

    public static readonly Counter<long> JobsFinal = Meter.CreateCounter<long>(
        "fota.jobs.final", "{job}", "FOTA jobs stored in a final status, by status");

    public static readonly Counter<long> NrfCloudCalls = Meter.CreateCounter<long>(
        "fota.nrfcloud.calls", "{call}", "nRF Cloud calls, by call, status and outcome (retries inside one call count once)");

    public static readonly Histogram<double> PollDuration = Meter.CreateHistogram(
        "fota.poll.duration", "s", "One status poll of one job (the nRF Cloud call and the decision), by outcome", advice: Seconds);

    public static readonly Counter<long> UpgradePathSteps = Meter.CreateCounter<long>(
        "fota.upgrade_path.steps", "{step}", "Upgrade-path flow steps run, by step and outcome");

    public static readonly Counter<long> UpgradePathJobsFinal = Meter.CreateCounter<long>(
        "fota.upgrade_path.jobs.final", "{job}", "Upgrade-path jobs stored in a final status, by status");

    public static readonly Histogram<double> StateReadDuration = Meter.CreateHistogram(
        "fota.state_read.duration", "s", "One background device-state read call of one account (at most 100 devices), by outcome", advice: Seconds);

    public static readonly UpDownCounter<long> WebSocketConnections = Meter.CreateUpDownCounter<long>(
        "fota.websocket.connections", "{connection}", "Open WebSocket notification connections");

    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram(
        "fota.outbox.lag", "s", "From a change event's commit (database clock) to its hand-over to this instance's connections", advice: Seconds);

    /// <summary>Attribute names, written once.</summary>
    public static class Tags
    {
        public const string Account = "nrfcloud.account";
        public const string Call = "nrfcloud.call";
        public const string Outcome = "fota.outcome";
        public const string StatusCode = "http.response.status_code";
        public const string DeviceId = "fota.device.id";
        public const string JobId = "fota.job.id";
        public const string BundleType = "fota.bundle.type";
        public const string JobStatus = "fota.job.status";
        public const string ChangeEventId = "fota.change_event.id";
        public const string UpgradePathJobId = "fota.upgrade_path.job.id";
        public const string UpgradePathStep = "fota.upgrade_path.step";
        public const string DevicesCount = "fota.devices.count";
        public const string DbSystem = "db.system.name";
        public const string DbOperation = "db.operation.name";
    }

    /// <summary>The bundle's firmware type: the part of its id before the first <c>*</c> (<c>APP</c>, <c>MODEM</c>, <c>BOOT</c>, …).</summary>
    public static string BundleType(string bundleId) =>
        bundleId.IndexOf('*', StringComparison.Ordinal) is > 0 and var star ? bundleId[..star] : "unknown";

    /// <summary>Counts a job that became final (a poll, a give-up, a cancel).</summary>
    public static void JobFinal(string status) => JobsFinal.Add(1, new KeyValuePair<string, object?>(Tags.JobStatus, status));

    /// <summary>Ends a span as failed with a short, self-made description (never an upstream's text).</summary>
    public static void Fail(this Activity? activity, string description) => activity?.SetStatus(ActivityStatusCode.Error, description);
}
