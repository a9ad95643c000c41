using Fota.Api.DeviceStates;
using Fota.Api.Jobs;
using Fota.Api.Jobs.Cancel;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// Cancelling an upgrade-path job (SPEC §2.10, §3.6): FAILED <c>The job was cancelled.</c> in one stored change at once; the
/// step's nRF Cloud job, when it may still run, is cancelled later by the flow through the v1 cancel
/// (<see cref="FotaCanceller"/>: nRF Cloud's PUT, then the job execution's CANCELLED and its message), retried with backoff.
/// </summary>
public sealed partial class UpgradePathCancel(
    IUpgradePathStore store,
    IJobStore jobs,
    IRegistryStore registry,
    IDeviceStates deviceStates,
    FotaCanceller canceller,
    UpgradePathSignal signal,
    IOptions<UpgradePathOptions> options,
    TimeProvider timeProvider,
    ILogger<UpgradePathCancel> logger)
{
    /// <summary>The cancelled job; or 404 (unknown, another device's) or 409 (final).</summary>
    public async Task<FotaResult<StoredUpgradePathJob>> CancelAsync(StoredDevice device, string jobId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cancelled = await store.CancelAsync(jobId, device.DeviceId, FotaCanceller.CancelledDetail, Timestamps.Format(now), now, cancellationToken);
        if (cancelled is null)
        {
            var found = await store.FindAsync(jobId, cancellationToken);
            return found is null || found.DeviceId != device.DeviceId
                ? new FotaError.NoSuchJob(device.DeviceId, jobId)
                : new FotaError.AlreadyFinished(jobId, found.Status);
        }

        LogCancelled(jobId, device.DeviceId, cancelled.CancelState);
        await deviceStates.UnwatchAsync(device.DeviceId, jobId, CancellationToken.None);
        signal.Notify();
        return cancelled;
    }

    /// <summary>The flow's part: cancels the claimed (final) job's step job at nRF Cloud unless it has ended; records the outcome.</summary>
    public async Task CancelAtNrfCloudAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var nrfJobId = job.NrfJobId!;
        var nrfJob = await jobs.FindAsync(nrfJobId, cancellationToken);
        var device = await registry.FindDeviceAsync(job.DeviceId, cancellationToken);
        if (nrfJob is null || JobStatuses.IsFinal(nrfJob.Status) || device is null)
        {
            await store.SaveCancelOutcomeAsync(owner, job.JobId, UpgradePathCancelStates.Done, job.CancelAttempts, timeProvider.GetUtcNow(), cancellationToken);
            return;
        }

        var result = await canceller.CancelAsync(device, nrfJobId, cancellationToken);
        if (result.IsSuccess || result.Error is FotaError.AlreadyFinished or FotaError.NoSuchJob)
        {
            LogNrfCloudCancelled(job.JobId, nrfJobId);
            await store.SaveCancelOutcomeAsync(owner, job.JobId, UpgradePathCancelStates.Done, job.CancelAttempts, timeProvider.GetUtcNow(), cancellationToken);
            return;
        }

        var attempts = job.CancelAttempts + 1;
        var reason = FotaProblems.From(result.Error, "Cancelling FOTA job failed").ProblemDetails.Detail;
        if (attempts >= options.Value.MaxCancelAttempts)
        {
            LogGaveUp(job.JobId, nrfJobId, attempts, reason);
            await store.SaveCancelOutcomeAsync(owner, job.JobId, UpgradePathCancelStates.GaveUp, attempts, timeProvider.GetUtcNow(), cancellationToken);
            return;
        }

        var wait = TimeSpan.FromTicks(Math.Min(options.Value.Interval.Ticks * (1L << Math.Min(attempts, 20)), options.Value.MaxCancelRetry.Ticks));
        LogRetry(job.JobId, nrfJobId, attempts, wait, reason);
        await store.SaveCancelOutcomeAsync(owner, job.JobId, UpgradePathCancelStates.Pending, attempts, timeProvider.GetUtcNow() + wait, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled upgrade-path job {JobId} of device {DeviceId} (cancel at nRF Cloud: {CancelState})")]
    private partial void LogCancelled(string jobId, string deviceId, string cancelState);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled nRF Cloud job {NrfJobId} of cancelled upgrade-path job {JobId}")]
    private partial void LogNrfCloudCancelled(string jobId, string nrfJobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling nRF Cloud job {NrfJobId} of upgrade-path job {JobId} failed (attempt {Attempts}), retrying in {Wait}: {Reason}")]
    private partial void LogRetry(string jobId, string nrfJobId, int attempts, TimeSpan wait, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up cancelling nRF Cloud job {NrfJobId} of upgrade-path job {JobId} after {Attempts} attempts: {Reason}")]
    private partial void LogGaveUp(string jobId, string nrfJobId, int attempts, string? reason);
}
