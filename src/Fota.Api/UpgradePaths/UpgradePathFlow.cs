using Fota.Api.Jobs.Scheduling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// The durable upgrade-path flow (SPEC §3.6) on this instance: it keeps up to <c>Fota:UpgradePath:MaxConcurrency</c> jobs
/// running through <see cref="UpgradePathStepRunner"/>, each in a slot of its own, so a slow step (an nRF Cloud create that
/// hangs) holds only its own slot. Due jobs are claimed (a lease long enough for a create to finish, so no step runs twice,
/// here or on another instance) when the local queue cannot fill the free slots: up to <see cref="ClaimAheadPerSlot"/> per
/// free slot, at most <c>Fota:UpgradePath:BatchSize</c>, so one claim query serves several passes. A pass that ends wakes
/// the loop to fill its slot, as does a new or cancelled job (<see cref="UpgradePathSignal"/>); otherwise it looks every
/// <c>Fota:UpgradePath:Interval</c>. A stop lets running passes end and gives every claim back so another instance (or the
/// next start) resumes at once.
/// </summary>
public sealed partial class UpgradePathFlow(
    IUpgradePathStore store,
    IServiceScopeFactory scopes,
    UpgradePathSignal signal,
    IOptions<UpgradePathOptions> options,
    IOptions<NrfCloudOptions> nrfCloudOptions,
    TimeProvider timeProvider,
    ILogger<UpgradePathFlow> logger) : BackgroundService
{
    /// <summary>Jobs claimed per free slot at most; they wait in the local queue for a slot.</summary>
    public const int ClaimAheadPerSlot = 4;

    /// <summary>How long a claimed job may wait in the queue: what its lease holds beyond a whole create.</summary>
    private TimeSpan ClaimMargin => options.Value.ClaimMargin;

    private readonly string _owner = ClaimOwner.NewName();

    /// <summary>The claim's lease: a step's create and its bookkeeping, and a margin.</summary>
    public TimeSpan ClaimDuration => FotaScheduler.CreateBound(nrfCloudOptions.Value.TotalTimeout) + ClaimMargin;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var ready = new Queue<(StoredUpgradePathJob Job, DateTimeOffset ClaimedAt)>();
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(pass => pass.IsCompleted);
                var free = options.Value.MaxConcurrency - running.Count;
                var wanted = ready.Count < free ? Math.Min(free * ClaimAheadPerSlot, options.Value.BatchSize) - ready.Count : 0;
                // Stryker disable once Equality : `>=` is equivalent, a claim of no job claims none (one query more)
                if (wanted > 0)
                {
                    try
                    {
                        var now = timeProvider.GetUtcNow();
                        var due = await store.ClaimDueAsync(_owner, now, now + ClaimDuration, wanted, stoppingToken);
                        foreach (var job in due)
                        {
                            ready.Enqueue((job, now));
                        }
                    }
                    catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                    {
                        LogClaimFailed(exception);
                    }
                }

                StartPasses(ready, running, stoppingToken);
                await signal.WaitAsync(options.Value.Interval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running);
            await ClaimRelease.OnStopAsync(nameof(UpgradePathFlow), _owner, token => store.ReleaseClaimsAsync(_owner, token), logger);
        }
    }

    /// <summary>Fills the free slots from the queue; a job that waited longer than the lease's margin is left to expire and be claimed again.</summary>
    private void StartPasses(Queue<(StoredUpgradePathJob Job, DateTimeOffset ClaimedAt)> ready, List<Task> running, CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        while (running.Count < options.Value.MaxConcurrency && ready.TryDequeue(out var next))
        {
            // Stryker disable once Equality : `<=` is equivalent, the clock never lands on the lease's boundary tick
            if (now - next.ClaimedAt < ClaimMargin)
            {
                running.Add(Task.Run(() => RunPassAsync(next.Job, stoppingToken), CancellationToken.None));
            }
        }
    }

    /// <summary>One job's pass in its own scope; never throws (a failed pass's claim runs out and the job is due again).</summary>
    private async Task RunPassAsync(StoredUpgradePathJob job, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpgradePathStepRunner>().RunAsync(_owner, job, stoppingToken);
        }
        catch (Exception exception)
        {
            // Nothing half-written: every write is one transaction. A pass cut short by the stop is not a failure.
            // Stryker disable once all : only the log depends on it
            if (!stoppingToken.IsCancellationRequested)
            {
                LogJobFailed(exception, job.JobId, job.Step);
            }
        }
        finally
        {
            signal.Notify(); // its slot is free
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The upgrade-path flow could not claim due jobs; it tries again")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upgrade-path job {JobId} failed in step {Step}; it is due again when its claim runs out")]
    private partial void LogJobFailed(Exception exception, string jobId, string step);

}
