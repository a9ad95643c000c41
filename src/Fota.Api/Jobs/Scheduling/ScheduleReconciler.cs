using Fota.Api.Devices;
using Fota.Api.Jobs.Polling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Jobs.Scheduling;

/// <summary>
/// Resolves schedule intents whose outcome is unknown (SPEC §3.1): every UNKNOWN intent, and every PENDING one older than
/// a create can run (its instance died mid-create). For each, nRF Cloud's job list of the intent's account is searched for
/// jobs of the intent's device and bundle created inside the intent's window and not stored yet: exactly one is adopted
/// (stored with its change event, so it is listed, polled and notified like any job); none means nothing was created and
/// the intent goes; two or more keep it UNKNOWN with a Warning naming them. An intent that cannot be resolved is retried,
/// each wait as long as the intent is old (at least <see cref="ReconcileOptions.FirstRetry"/>, at most
/// <see cref="ReconcileOptions.MaxRetry"/>), until <see cref="ReconcileOptions.GiveUpAfter"/>.
/// Intents are claimed (a lease), so instances sharing the database never reconcile one intent at once. Each account runs
/// on its own, its listing bounded by <see cref="ReconcileOptions.AccountTimeout"/>: a slow or failing account never
/// holds up another one.
/// </summary>
public sealed partial class ScheduleReconciler(
    IJobStore jobs,
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    PollSignal pollSignal,
    TimeProvider timeProvider,
    IOptions<ReconcileOptions> options,
    IOptions<NrfCloudOptions> nrfCloudOptions,
    ILogger<ScheduleReconciler> logger) : BackgroundService
{
    /// <summary>Intents of one account claimed per round: one listing serves them all.</summary>
    public const int BatchSize = 100;

    /// <summary>This reconciler's name in claims; unique even for two hosts in one process.</summary>
    public string Owner { get; } = ClaimOwner.NewName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        var running = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                {
                    running.Remove(done);
                }

                try
                {
                    foreach (var account in await jobs.ListAccountsToReconcileAsync(timeProvider.GetUtcNow(), stoppingToken))
                    {
                        // An account still busy from an earlier round is left alone; the others start at once.
                        if (!running.ContainsKey(account))
                        {
                            running[account] = Task.Run(() => ReconcileAccountAsync(account, stoppingToken), CancellationToken.None);
                        }
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(exception);
                }

                await Task.Delay(settings.Interval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the accounts under way end on the same token; their claims run out for another instance.
        }
        finally
        {
            await Task.WhenAll(running.Values);
        }
    }

    /// <summary>One round for one account: claim its due intents, list its jobs at nRF Cloud once, resolve each intent.</summary>
    public async Task ReconcileAccountAsync(string account, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var now = timeProvider.GetUtcNow();
            var claimed = await jobs.ClaimIntentsAsync(
                account, Owner, now, now + settings.AccountTimeout + FotaScheduler.StoreBudget, BatchSize, cancellationToken);
            if (claimed.Count == 0)
            {
                return;
            }

            var listed = await ListJobsAsync(account, cancellationToken);
            foreach (var intent in claimed)
            {
                await ResolveAsync(intent, listed, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogAccountFailed(exception, account);
        }
    }

    private async Task<NrfCloudResult<IReadOnlyList<NrfCloudListedJob>>> ListJobsAsync(string account, CancellationToken cancellationToken)
    {
        var found = await accounts.FindAsync(account, cancellationToken);
        if (found is null)
        {
            return NrfCloudResult<IReadOnlyList<NrfCloudListedJob>>.Failed(
                new NrfCloudFailure($"The nRF Cloud account '{account}' is not configured, so nRF Cloud was not asked.", null, OutcomeUnknown: false));
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(options.Value.AccountTimeout);
        return await nrfCloud.ListFotaJobsAsync(found, bound.Token);
    }

    private async Task ResolveAsync(ScheduleIntent intent, NrfCloudResult<IReadOnlyList<NrfCloudListedJob>> listed, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!listed.IsSuccess)
        {
            await RetryAsync(intent, listed.Error.Detail, now, cancellationToken);
            return;
        }

        var unstored = new List<string>();
        foreach (var jobId in Candidates(intent, listed.Value))
        {
            if (await jobs.FindAsync(jobId, cancellationToken) is null)
            {
                unstored.Add(jobId);
            }
        }

        switch (unstored.Count)
        {
            case 0:
                if (await jobs.ResolveNothingCreatedAsync(intent.IntentId, Owner, cancellationToken))
                {
                    LogNothingCreated(intent.IntentId, intent.DeviceId, intent.BundleId);
                }

                break;
            case 1:
                var job = new StoredJob(
                    unstored[0], intent.DeviceId, intent.Account, intent.BundleId, JobStatuses.Queued, null,
                    FotaScheduler.UnknownVersion, Timestamps.Format(intent.CreatedAt), intent.CreatedAt);
                if (await jobs.AdoptAsync(intent.IntentId, Owner, job, cancellationToken))
                {
                    LogAdopted(job.JobId, intent.IntentId, intent.DeviceId, intent.BundleId);
                    pollSignal.NewJob();
                }

                break;
            default:
                var names = string.Join(", ", unstored);
                LogAmbiguous(intent.IntentId, intent.DeviceId, intent.BundleId, names);
                await RetryAsync(intent, $"nRF Cloud lists {unstored.Count} jobs of this device and bundle created in the request's time window: {names}", now, cancellationToken);
                break;
        }
    }

    /// <summary>The jobs nRF Cloud lists for the intent's device and bundle, created from the request to the end of its create's bound.</summary>
    private IEnumerable<string> Candidates(ScheduleIntent intent, IReadOnlyList<NrfCloudListedJob> listed)
    {
        var skew = options.Value.ClockSkew;
        var from = intent.CreatedAt - skew;
        var to = intent.CreatedAt + FotaScheduler.CreateBound(nrfCloudOptions.Value.TotalTimeout) + skew;
        return listed
            .Where(job => job.BundleId == intent.BundleId
                && job.DeviceIds.Contains(intent.DeviceId, StringComparer.Ordinal)
                && job.CreatedAt is { } createdAt && createdAt >= from && createdAt <= to)
            .Select(job => job.JobId)
            .Distinct(StringComparer.Ordinal);
    }

    private async Task RetryAsync(ScheduleIntent intent, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var age = now - intent.CreatedAt;
        if (age >= settings.GiveUpAfter)
        {
            await jobs.RetryIntentAsync(intent.IntentId, Owner, ScheduleIntentStates.GaveUp, detail, now, now, cancellationToken);
            LogGaveUp(intent.IntentId, intent.DeviceId, intent.BundleId, detail);
            return;
        }

        var wait = age < settings.FirstRetry ? settings.FirstRetry : age > settings.MaxRetry ? settings.MaxRetry : age;
        var state = intent.State == ScheduleIntentStates.Pending ? ScheduleIntentStates.Unknown : intent.State;
        await jobs.RetryIntentAsync(intent.IntentId, Owner, state, detail, now, now + wait, cancellationToken);
        LogRetry(intent.IntentId, wait, detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule reconciliation is disabled on this instance (Fota:Reconcile:Enabled=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for schedule intents to reconcile failed; trying again next round")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling the schedule intents of account {Account} failed; their claims run out and they are tried again")]
    private partial void LogAccountFailed(Exception exception, string account);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intent {IntentId} (device {DeviceId}, bundle {BundleId}) resolved: nRF Cloud created no job")]
    private partial void LogNothingCreated(string intentId, string deviceId, string bundleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adopted FOTA job {JobId} that nRF Cloud created for intent {IntentId} (device {DeviceId}, bundle {BundleId})")]
    private partial void LogAdopted(string jobId, string intentId, string deviceId, string bundleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intent {IntentId} (device {DeviceId}, bundle {BundleId}) kept UNKNOWN: nRF Cloud lists several jobs it may have created: {JobIds}")]
    private partial void LogAmbiguous(string intentId, string deviceId, string bundleId, string jobIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intent {IntentId} not resolved; next attempt in {Wait}: {Detail}")]
    private partial void LogRetry(string intentId, TimeSpan wait, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up reconciling intent {IntentId} (device {DeviceId}, bundle {BundleId}); kept as GAVE_UP for an operator: {Detail}")]
    private partial void LogGaveUp(string intentId, string deviceId, string bundleId, string detail);
}
