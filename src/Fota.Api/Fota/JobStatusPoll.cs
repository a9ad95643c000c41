using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Fota;

/// <summary>Polls one claimed job at nRF Cloud and writes what it learned, or when to try again.</summary>
public sealed partial class JobStatusPoll(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    JobStore jobs,
    TimeProvider timeProvider,
    IOptions<PollerOptions> options,
    ILogger<JobStatusPoll> logger)
{
    public const string NotFoundDetail = "The job was not found on nRF Cloud. It may have been deleted.";

    public async Task RunAsync(string owner, ClaimedJob job, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(job.Account, cancellationToken);
        var result = account is null
            ? NrfCloudResult<NrfCloudFotaJob>.Failure($"account '{job.Account}' is not configured")
            : await nrfCloud.GetFotaJobAsync(account, job.JobId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;

        if (result.IsSuccess)
        {
            var found = result.Value!;
            var version = found.FirmwareVersion ?? job.Version;
            var changed = found.Status != job.Status || found.StatusDetail != job.StatusDetail || version != job.Version;
            var unchangedPolls = changed ? 1 : job.UnchangedPolls + 1;
            var update = new JobStatusUpdate(
                found.Status,
                found.StatusDetail,
                version,
                // nRF Cloud's timestamp verbatim; our own only when it gave none.
                found.LastUpdatedAt ?? Timestamps.Format(now),
                JobStatuses.IsFinal(found.Status),
                now + settings.DelayAfter(unchangedPolls),
                unchangedPolls);
            if (await jobs.CompletePollAsync(owner, job.JobId, update, found.LastUpdatedAt is null && !changed, cancellationToken))
            {
                LogPolled(job.JobId, found.Status, update.IsFinal);
            }

            return;
        }

        if (now - job.CreatedAt >= settings.NotFoundFailAfter)
        {
            var failed = new JobStatusUpdate(
                JobStatuses.Failed, NotFoundDetail, job.Version, Timestamps.Format(now), true, now, job.UnchangedPolls + 1);
            await jobs.CompletePollAsync(owner, job.JobId, failed, keepLastUpdatedAt: false, cancellationToken);
            LogGaveUp(job.JobId, settings.NotFoundFailAfter, result.Error!);
            return;
        }

        var unchanged = job.UnchangedPolls + 1;
        await jobs.ReschedulePollAsync(owner, job.JobId, now + settings.DelayAfter(unchanged), unchanged, cancellationToken);
        LogPollFailed(job.JobId, result.Error!);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "FOTA job {JobId} is {Status} (final: {IsFinal})")]
    private partial void LogPolled(string jobId, string status, bool isFinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling FOTA job {JobId} failed, will retry: {Error}")]
    private partial void LogPollFailed(string jobId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FOTA job {JobId} could not be read from nRF Cloud for {Age}; marked FAILED. Last error: {Error}")]
    private partial void LogGaveUp(string jobId, TimeSpan age, string error);
}
