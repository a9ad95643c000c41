using Fota.Api.Devices;
using Fota.Api.Jobs.Polling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Fota.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Fota.Api.Jobs.Scheduling;

/// <summary>
/// Schedules a FOTA job exactly once: records the intent (409 while the same device and bundle have an open intent or a job
/// that has not ended), creates the job at nRF Cloud with a single send, then stores it as QUEUED and wakes the poller — or
/// drops the intent when nRF Cloud certainly made nothing, or keeps it as UNKNOWN for <see cref="ScheduleReconciler"/> when
/// nRF Cloud may have made a job. Once the create is under way neither the caller's disconnect nor the service's stop
/// matters: the create is bounded by its own budget, the bookkeeping after it by <see cref="StoreBudget"/>, and
/// <see cref="ScheduleDrain"/> holds the stop until both are done, so an answer nRF Cloud gave is always recorded.
/// </summary>
public sealed partial class FotaScheduler(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    IJobStore jobs,
    PollSignal pollSignal,
    ScheduleDrain drain,
    IOptions<NrfCloudOptions> nrfCloudOptions,
    IOptions<ReconcileOptions> reconcileOptions,
    TimeProvider timeProvider,
    ILogger<FotaScheduler> logger)
{
    public const string UnknownVersion = "unknown";

    /// <summary>The most the writes after the create may take.</summary>
    public static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(10);

    /// <summary>The longest a schedule can run once nRF Cloud is called: the create's bound, then the store's.</summary>
    public static TimeSpan CreateBound(TimeSpan totalTimeout) => totalTimeout + StoreBudget + StoreBudget;

    /// <summary>Schedules <paramref name="bundleId"/> for <paramref name="device"/>; <paramref name="cancellationToken"/> (the caller's) is heeded only before nRF Cloud is called.</summary>
    public Task<FotaResult<StoredJob>> ScheduleAsync(StoredDevice device, string bundleId, CancellationToken cancellationToken) =>
        ScheduleAsync(device, bundleId, NewIntentId(), cancellationToken);

    /// <summary>A new schedule intent's id (SPEC §2.1's exactly-once record of a create).</summary>
    public static string NewIntentId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// As <see cref="ScheduleAsync(StoredDevice, string, CancellationToken)"/> with the intent's id chosen by the caller, who
    /// recorded it before (an upgrade-path step): the v1 store links the job it stores for that intent to the step.
    /// </summary>
    public async Task<FotaResult<StoredJob>> ScheduleAsync(StoredDevice device, string bundleId, string intentId, CancellationToken cancellationToken)
    {
        using var trace = ScheduleTrace.Start(device, bundleId);
        return trace.Finished(await ScheduleTracedAsync(device, bundleId, intentId, cancellationToken));
    }

    private async Task<FotaResult<StoredJob>> ScheduleTracedAsync(StoredDevice device, string bundleId, string intentId, CancellationToken cancellationToken)
    {
        var found = await accounts.RequireAsync(device.Account, "device", device.DeviceId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;

        var now = timeProvider.GetUtcNow();
        var createBudget = nrfCloudOptions.Value.TotalTimeout;
        var intent = new ScheduleIntent(
            intentId, device.DeviceId, device.Account, bundleId, ScheduleIntentStates.Pending, null, now);
        // A PENDING intent older than any create can run belonged to an instance that died mid-create: reconciled then.
        var begun = await jobs.TryBeginScheduleAsync(intent, now + CreateBound(createBudget), cancellationToken);
        switch (begun)
        {
            case ScheduleBegin.BlockedByJob(var jobId):
                LogAlreadyScheduling(device.DeviceId, bundleId, jobId);
                return new FotaError.JobRunning(device.DeviceId, bundleId, jobId);
            case ScheduleBegin.BlockedByIntent(var blockingIntentId):
                LogAlreadyScheduling(device.DeviceId, bundleId, blockingIntentId);
                return new FotaError.AlreadyScheduling(device.DeviceId, bundleId, blockingIntentId);
        }

        // Not linked to the service's stop: a create that may reach nRF Cloud runs to its answer (ScheduleDrain waits).
        using var inFlight = drain.Enter();
        NrfCloudResult<string> created;
        using (var createBound = new CancellationTokenSource(createBudget + StoreBudget, timeProvider))
        {
            created = await nrfCloud.CreateFotaJobAsync(account, bundleId, device.DeviceId, createBound.Token);
        }

        using var storeBound = new CancellationTokenSource(StoreBudget, timeProvider);
        if (!created.IsSuccess)
        {
            return await RecordFailureAsync(intent, created.Error, storeBound.Token);
        }

        var job = new StoredJob(
            created.Value, device.DeviceId, device.Account, bundleId, JobStatuses.Queued, null, UnknownVersion, Timestamps.Format(now), now);
        try
        {
            if (await jobs.ConfirmScheduledAsync(intent.IntentId, job, storeBound.Token) == ConfirmOutcome.DuplicateJobId)
            {
                // nRF Cloud gave an id the service already tracks for another request: this request got no job of its own.
                LogDuplicateJobId(job.JobId, device.DeviceId, intent.IntentId);
                await jobs.AbandonScheduleAsync(intent.IntentId, storeBound.Token);
                return new FotaError.NrfCloudFailed(
                    "nRF Cloud answered POST /v1/fota-jobs with the id of a job the service already tracks for another request, "
                    + "so no job was stored for this one");
            }
        }
        catch (Exception exception)
        {
            // The job exists at nRF Cloud; the PENDING intent stays and turns UNKNOWN, and this line names the job (the
            // answer does not: the id is nRF Cloud's).
            LogConfirmFailed(exception, job.JobId, device.DeviceId, intent.IntentId);
            return new FotaError.OutcomeUnknown("the job nRF Cloud created could not be stored", intent.IntentId);
        }

        LogScheduled(job.JobId, device.DeviceId, bundleId);
        pollSignal.NewJob();
        return job;
    }

    private async Task<FotaResult<StoredJob>> RecordFailureAsync(ScheduleIntent intent, NrfCloudFailure failure, CancellationToken cancellationToken)
    {
        if (!failure.OutcomeUnknown)
        {
            await jobs.AbandonScheduleAsync(intent.IntentId, cancellationToken);
            return new FotaError.NrfCloudFailed(failure.Detail);
        }

        var now = timeProvider.GetUtcNow();
        await jobs.MarkOutcomeUnknownAsync(intent.IntentId, failure.Detail, now, now + reconcileOptions.Value.FirstRetry, cancellationToken);
        LogOutcomeUnknown(intent.DeviceId, intent.BundleId, intent.IntentId, failure.Detail);
        return new FotaError.OutcomeUnknown(failure.Detail, intent.IntentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled FOTA job {JobId} for device {DeviceId} with bundle {BundleId}")]
    private partial void LogScheduled(string jobId, string deviceId, string bundleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} has bundle {BundleId} open in {Blocking}; refused a second request")]
    private partial void LogAlreadyScheduling(string deviceId, string bundleId, string? blocking);

    [LoggerMessage(Level = LogLevel.Error, Message = "nRF Cloud answered the create for device {DeviceId} with job id {JobId}, which is stored already; intent {IntentId} dropped, nothing stored")]
    private partial void LogDuplicateJobId(string jobId, string deviceId, string intentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome unknown scheduling device {DeviceId} with bundle {BundleId}; kept intent {IntentId} as UNKNOWN: {Detail}")]
    private partial void LogOutcomeUnknown(string deviceId, string bundleId, string intentId, string detail);

    [LoggerMessage(Level = LogLevel.Critical, Message = "nRF Cloud created FOTA job {JobId} for device {DeviceId} but storing it failed; intent {IntentId} stays for reconciliation")]
    private partial void LogConfirmFailed(Exception exception, string jobId, string deviceId, string intentId);
}
