using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;

namespace Fota.Api.Fota.Cancel;

/// <summary>What <see cref="FotaCanceller.CancelAsync"/> did.</summary>
public abstract record CancelResult
{
    /// <summary>nRF Cloud cancelled the job and it is stored <c>CANCELLED</c>.</summary>
    public sealed record Cancelled(StoredJob Job) : CancelResult;

    /// <summary>The device has no job with that id.</summary>
    public sealed record NoSuchJob : CancelResult;

    /// <summary>The job is final (possibly since a poll that ended while nRF Cloud was cancelling it).</summary>
    public sealed record AlreadyFinished(StoredJob Job) : CancelResult;

    /// <summary>nRF Cloud did not cancel the job; nothing changed.</summary>
    public sealed record Failed(string Error) : CancelResult;
}

/// <summary>
/// Cancels a device's running FOTA job: at nRF Cloud first, then in the store with a conditional update that only changes
/// a non-final job. The poller's outcome writes never overwrite a final job, so a poll that raced the cancel loses.
/// </summary>
public sealed partial class FotaCanceller(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    IJobStore jobs,
    TimeProvider timeProvider,
    ILogger<FotaCanceller> logger)
{
    public const string CancelledDetail = "The job was cancelled.";

    public async Task<CancelResult> CancelAsync(StoredDevice device, string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(jobId, cancellationToken);
        if (job is null || job.DeviceId != device.DeviceId)
        {
            return new CancelResult.NoSuchJob();
        }

        if (JobStatuses.IsFinal(job.Status))
        {
            return new CancelResult.AlreadyFinished(job);
        }

        // The account the job was created in, which is where nRF Cloud knows it.
        var account = await accounts.FindAsync(job.Account, cancellationToken);
        if (account is null)
        {
            LogNoAccount(job.JobId, job.Account);
            return new CancelResult.Failed($"The nRF Cloud account '{job.Account}' of this job is not configured, so nRF Cloud was not called.");
        }

        var cancelled = await nrfCloud.CancelFotaJobAsync(account, job.JobId, cancellationToken);
        if (!cancelled.IsSuccess)
        {
            return new CancelResult.Failed(cancelled.Failure.Detail);
        }

        // nRF Cloud has cancelled the job: record it even if the caller has gone away meanwhile.
        var stored = await jobs.CancelAsync(job.JobId, CancelledDetail, Timestamps.Format(timeProvider.GetUtcNow()), CancellationToken.None);
        if (stored is null)
        {
            var final = await jobs.FindAsync(job.JobId, CancellationToken.None);
            LogFinishedMeanwhile(job.JobId, final?.Status);
            return new CancelResult.AlreadyFinished(final ?? job);
        }

        LogCancelled(job.JobId, device.DeviceId);
        return new CancelResult.Cancelled(stored);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled FOTA job {JobId} of device {DeviceId}")]
    private partial void LogCancelled(string jobId, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "FOTA job {JobId} became {Status} while nRF Cloud was cancelling it; it keeps that status")]
    private partial void LogFinishedMeanwhile(string jobId, string? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "FOTA job {JobId} belongs to account {Account}, which is not configured")]
    private partial void LogNoAccount(string jobId, string account);
}
