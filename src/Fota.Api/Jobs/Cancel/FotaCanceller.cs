using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;

namespace Fota.Api.Jobs.Cancel;

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

    /// <summary>The job, now CANCELLED; or why not (<see cref="FotaError.NoSuchJob"/>, <see cref="FotaError.AlreadyFinished"/>, an nRF Cloud failure).</summary>
    public async Task<FotaResult<StoredJob>> CancelAsync(StoredDevice device, string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(jobId, cancellationToken);
        if (job is null || job.DeviceId != device.DeviceId)
        {
            return new FotaError.NoSuchJob(device.DeviceId, jobId);
        }

        if (JobStatuses.IsFinal(job.Status))
        {
            return new FotaError.AlreadyFinished(job.JobId, job.Status);
        }

        // The account the job was created in, which is where nRF Cloud knows it.
        var account = await accounts.RequireAsync(job.Account, "job", job.JobId, cancellationToken);
        if (!account.IsSuccess)
        {
            return account.Error;
        }

        var cancelled = await nrfCloud.CancelFotaJobAsync(account.Value, job.JobId, cancellationToken);
        if (!cancelled.IsSuccess)
        {
            return new FotaError.NrfCloudFailed(cancelled.Error.Detail);
        }

        // nRF Cloud has cancelled the job: record it even if the caller has gone away meanwhile.
        var stored = await jobs.CancelAsync(job.JobId, CancelledDetail, Timestamps.Format(timeProvider.GetUtcNow()), CancellationToken.None);
        if (stored is null)
        {
            var final = await jobs.FindAsync(job.JobId, CancellationToken.None);
            LogFinishedMeanwhile(job.JobId, final?.Status);
            return new FotaError.AlreadyFinished(job.JobId, (final ?? job).Status);
        }

        LogCancelled(job.JobId, device.DeviceId);
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled FOTA job {JobId} of device {DeviceId}")]
    private partial void LogCancelled(string jobId, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "FOTA job {JobId} became {Status} while nRF Cloud was cancelling it; it keeps that status")]
    private partial void LogFinishedMeanwhile(string jobId, string? status);
}
