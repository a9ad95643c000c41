using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;

namespace Fota.Api.Fota;

/// <summary>Schedules a FOTA job: creates it at nRF Cloud, stores it as QUEUED and wakes the poller for its first poll.</summary>
public sealed partial class FotaScheduler(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    IJobStore jobs,
    PollSignal pollSignal,
    TimeProvider timeProvider,
    ILogger<FotaScheduler> logger)
{
    public const string UnknownVersion = "unknown";

    /// <summary>The stored job, or an error naming nRF Cloud and what went wrong (nothing is stored then).</summary>
    public async Task<(StoredJob? Job, string? Error)> ScheduleAsync(StoredDevice device, string bundleId, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(device.Account, cancellationToken);
        if (account is null)
        {
            LogNoAccount(device.DeviceId, device.Account);
            return (null, $"The nRF Cloud account '{device.Account}' of this device is not configured, so nRF Cloud was not called.");
        }

        var created = await nrfCloud.CreateFotaJobAsync(account, bundleId, device.DeviceId, cancellationToken);
        if (!created.IsSuccess)
        {
            return (null, created.Error);
        }

        var now = timeProvider.GetUtcNow();
        var job = new StoredJob(
            created.Value!, device.DeviceId, device.Account, bundleId, JobStatuses.Queued, null, UnknownVersion, Timestamps.Format(now), now);
        await jobs.InsertAsync(job, cancellationToken);
        LogScheduled(job.JobId, device.DeviceId, bundleId);
        pollSignal.Notify();
        return (job, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled FOTA job {JobId} for device {DeviceId} with bundle {BundleId}")]
    private partial void LogScheduled(string jobId, string deviceId, string bundleId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Device {DeviceId} belongs to account {Account}, which is not configured")]
    private partial void LogNoAccount(string deviceId, string account);
}
