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

    /// <summary>The flow's part: cancels the claimed (final) job's step job at nRF Cloud and records the outcome, which releases the claim.</summary>
    public async Task CancelAtNrfCloudAsync(string owner, StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var outcome = await TryCancelAsync(job, cancellationToken);
        await store.SaveCancelOutcomeAsync(owner, job.JobId, outcome.State, outcome.Attempts, outcome.DueAt, cancellationToken);
    }

    /// <summary>
    /// One attempt: done when nRF Cloud cancelled the step's job, or it has ended or is unknown (<see cref="FotaCanceller"/>
    /// calls nRF Cloud only for a job that has not ended); otherwise due again after a growing wait, or given up.
    /// </summary>
    private async Task<CancelOutcome> TryCancelAsync(StoredUpgradePathJob job, CancellationToken cancellationToken)
    {
        var nrfJobId = job.NrfJobId!;
        var device = await registry.DeviceOfAsync(job, cancellationToken);
        var result = await canceller.CancelAsync(device, nrfJobId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        // Stryker disable once Logical,Block : equivalent, the next attempt finds the job execution CANCELLED and calls nobody
        if (result.IsSuccess || result.Error is FotaError.AlreadyFinished or FotaError.NoSuchJob)
        {
            LogNrfCloudCancelled(job.JobId, nrfJobId);
            return new(UpgradePathCancelStates.Done, job.CancelAttempts, now);
        }

        var attempts = job.CancelAttempts + 1;
        if (attempts >= options.Value.MaxCancelAttempts)
        {
            LogGaveUp(job.JobId, nrfJobId, attempts, result.Error);
            return new(UpgradePathCancelStates.GaveUp, attempts, now);
        }

        var wait = TimeSpan.FromTicks(Math.Min(options.Value.Interval.Ticks * (1L << Math.Min(attempts, 20)), options.Value.MaxCancelRetry.Ticks));
        LogRetry(job.JobId, nrfJobId, attempts, wait, result.Error);
        return new(UpgradePathCancelStates.Pending, attempts, now + wait);
    }

    /// <summary>What one attempt leaves: the cancel's state, the failed attempts so far, and when the job is due again.</summary>
    private readonly record struct CancelOutcome(string State, int Attempts, DateTimeOffset DueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled upgrade-path job {JobId} of device {DeviceId} (cancel at nRF Cloud: {CancelState})")]
    private partial void LogCancelled(string jobId, string deviceId, string cancelState);

    [LoggerMessage(Level = LogLevel.Information, Message = "nRF Cloud job {NrfJobId} of cancelled upgrade-path job {JobId} is cancelled or has ended")]
    private partial void LogNrfCloudCancelled(string jobId, string nrfJobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling nRF Cloud job {NrfJobId} of upgrade-path job {JobId} failed (attempt {Attempts}), retrying in {Wait}: {Reason}")]
    private partial void LogRetry(string jobId, string nrfJobId, int attempts, TimeSpan wait, FotaError reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up cancelling nRF Cloud job {NrfJobId} of upgrade-path job {JobId} after {Attempts} attempts: {Reason}")]
    private partial void LogGaveUp(string jobId, string nrfJobId, int attempts, FotaError reason);
}
