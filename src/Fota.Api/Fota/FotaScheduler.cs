using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Fota;

/// <summary>
/// Schedules a FOTA job exactly once: records the intent (at most one PENDING per device and bundle, else 409), creates the
/// job at nRF Cloud with a single send, then stores it as QUEUED and wakes the poller — or drops the intent when nRF Cloud
/// certainly made nothing, or keeps it as UNKNOWN when nRF Cloud may have made a job. Once the create is under way the
/// caller's disconnect no longer matters: the create is bounded by its own budget and the service's stopping token, and the
/// bookkeeping after it by <see cref="StoreBudget"/> only, so an answer nRF Cloud gave is always recorded.
/// </summary>
public sealed partial class FotaScheduler(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    IJobStore jobs,
    PollSignal pollSignal,
    IHostApplicationLifetime lifetime,
    ScheduleDrain drain,
    IOptions<NrfCloudOptions> nrfCloudOptions,
    TimeProvider timeProvider,
    ILogger<FotaScheduler> logger)
{
    public const string UnknownVersion = "unknown";

    /// <summary>The most the writes after the create may take.</summary>
    public static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(10);

    /// <summary>Schedules <paramref name="bundleId"/> for <paramref name="device"/>; <paramref name="cancellationToken"/> (the caller's) is heeded only before nRF Cloud is called.</summary>
    public async Task<FotaResult<StoredJob>> ScheduleAsync(StoredDevice device, string bundleId, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(device.Account, cancellationToken);
        if (account is null)
        {
            LogNoAccount(device.DeviceId, device.Account);
            return new FotaError.NrfCloudFailed($"The nRF Cloud account '{device.Account}' of this device is not configured, so nRF Cloud was not called.");
        }

        var now = timeProvider.GetUtcNow();
        var createBudget = nrfCloudOptions.Value.TotalTimeout;
        var intent = new ScheduleIntent(
            Guid.NewGuid().ToString("N"), device.DeviceId, device.Account, bundleId, ScheduleIntentStates.Pending, null, now);
        // A PENDING intent older than any create can run belonged to an instance that died mid-create.
        if (!await jobs.TryBeginScheduleAsync(intent, now - (createBudget + StoreBudget + StoreBudget), cancellationToken))
        {
            LogAlreadyScheduling(device.DeviceId, bundleId);
            return new FotaError.AlreadyScheduling(device.DeviceId, bundleId);
        }

        using var inFlight = drain.Enter();
        NrfCloudResult<string> created;
        using (var createBound = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping))
        {
            createBound.CancelAfter(createBudget + StoreBudget);
            created = await nrfCloud.CreateFotaJobAsync(account, bundleId, device.DeviceId, createBound.Token);
        }

        using var storeBound = new CancellationTokenSource(StoreBudget, timeProvider);
        if (!created.IsSuccess)
        {
            return await RecordFailureAsync(intent, created.Failure, storeBound.Token);
        }

        var job = new StoredJob(
            created.Value, device.DeviceId, device.Account, bundleId, JobStatuses.Queued, null, UnknownVersion, Timestamps.Format(now), now);
        try
        {
            await jobs.ConfirmScheduledAsync(intent.IntentId, job, storeBound.Token);
        }
        catch (Exception exception)
        {
            // The job exists at nRF Cloud; the PENDING intent stays and turns UNKNOWN, and this line names the job.
            LogConfirmFailed(exception, job.JobId, device.DeviceId, intent.IntentId);
            throw;
        }

        LogScheduled(job.JobId, device.DeviceId, bundleId);
        pollSignal.Notify();
        return job;
    }

    private async Task<FotaResult<StoredJob>> RecordFailureAsync(ScheduleIntent intent, NrfCloudFailure failure, CancellationToken cancellationToken)
    {
        if (!failure.OutcomeUnknown)
        {
            await jobs.AbandonScheduleAsync(intent.IntentId, cancellationToken);
            return new FotaError.NrfCloudFailed(failure.Detail);
        }

        await jobs.MarkOutcomeUnknownAsync(intent.IntentId, failure.Detail, timeProvider.GetUtcNow(), cancellationToken);
        LogOutcomeUnknown(intent.DeviceId, intent.BundleId, intent.IntentId, failure.Detail);
        return new FotaError.OutcomeUnknown(failure.Detail, intent.IntentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled FOTA job {JobId} for device {DeviceId} with bundle {BundleId}")]
    private partial void LogScheduled(string jobId, string deviceId, string bundleId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Device {DeviceId} belongs to account {Account}, which is not configured")]
    private partial void LogNoAccount(string deviceId, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} is already being scheduled with bundle {BundleId}; refused a second request")]
    private partial void LogAlreadyScheduling(string deviceId, string bundleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome unknown scheduling device {DeviceId} with bundle {BundleId}; kept intent {IntentId} as UNKNOWN: {Detail}")]
    private partial void LogOutcomeUnknown(string deviceId, string bundleId, string intentId, string detail);

    [LoggerMessage(Level = LogLevel.Critical, Message = "nRF Cloud created FOTA job {JobId} for device {DeviceId} but storing it failed; intent {IntentId} stays for reconciliation")]
    private partial void LogConfirmFailed(Exception exception, string jobId, string deviceId, string intentId);
}
