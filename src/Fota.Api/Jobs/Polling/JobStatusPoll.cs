using System.Collections.Concurrent;
using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Jobs.Polling;

/// <summary>
/// Polls one claimed job at nRF Cloud and decides what to write: the new state, or when to try again. One instance serves
/// one claimed batch (it is resolved per batch), so the accounts it looks up are cached for that batch only.
/// </summary>
public sealed partial class JobStatusPoll(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    TimeProvider timeProvider,
    IOptions<PollerOptions> options,
    ILogger<JobStatusPoll> logger)
{
    public const string NotFoundDetail = "The job was not found on nRF Cloud. It may have been deleted.";

    private readonly ConcurrentDictionary<string, Task<NrfCloudAccount?>> _accounts = new(StringComparer.Ordinal);

    public async Task<PollOutcome> RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var account = await _accounts.GetOrAdd(job.Account, name => accounts.FindAsync(name, CancellationToken.None));
        if (account is null)
        {
            LogPollFailed(job.JobId, $"account '{job.Account}' is not configured");
            return Retry(job, timeProvider.GetUtcNow(), settings);
        }

        var result = await nrfCloud.GetFotaJobAsync(account, job.JobId, cancellationToken);
        var now = timeProvider.GetUtcNow(); // after the answer: the next poll's delay counts from it

        if (result.IsSuccess)
        {
            var found = result.Value;
            var version = found.FirmwareVersion ?? job.Version;
            var changed = found.Status != job.Status || found.StatusDetail != job.StatusDetail || version != job.Version;
            var unchangedPolls = changed ? 1 : job.UnchangedPolls + 1;
            var isFinal = JobStatuses.IsFinal(found.Status);
            LogPolled(job.JobId, found.Status, isFinal);
            // nRF Cloud's timestamp verbatim; our own only when it gave none and something changed, else the stored one stays.
            var lastUpdatedAt = found.LastUpdatedAt ?? (changed ? Timestamps.Format(now) : null);
            return new PollOutcome(
                job.JobId,
                new JobStatusUpdate(found.Status, found.StatusDetail, version, lastUpdatedAt, isFinal),
                now + settings.DelayAfter(unchangedPolls),
                unchangedPolls);
        }

        // Only nRF Cloud saying "not found" may end an old job; outages, throttling and timeouts never do (SPEC 3.2).
        if (result.Error.StatusCode == StatusCodes.Status404NotFound && now - job.CreatedAt >= settings.NotFoundFailAfter)
        {
            LogGaveUp(job.JobId, settings.NotFoundFailAfter, result.Error.Detail);
            return new PollOutcome(
                job.JobId,
                new JobStatusUpdate(JobStatuses.Failed, NotFoundDetail, job.Version, Timestamps.Format(now), IsFinal: true),
                now,
                job.UnchangedPolls + 1);
        }

        LogPollFailed(job.JobId, result.Error.Detail);
        return Retry(job, now, settings);
    }

    /// <summary>A failed poll: nothing to write but when to try again, backing off as after an unchanged poll.</summary>
    private static PollOutcome Retry(ClaimedJob job, DateTimeOffset now, PollerOptions settings)
    {
        var unchanged = job.UnchangedPolls + 1;
        return new PollOutcome(job.JobId, null, now + settings.DelayAfter(unchanged), unchanged);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "FOTA job {JobId} is {Status} (final: {IsFinal})")]
    private partial void LogPolled(string jobId, string status, bool isFinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling FOTA job {JobId} failed, will retry: {Error}")]
    private partial void LogPollFailed(string jobId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FOTA job {JobId} is older than {Age} and nRF Cloud does not know it; marked FAILED. Answer: {Error}")]
    private partial void LogGaveUp(string jobId, TimeSpan age, string error);
}
