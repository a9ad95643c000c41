using Fota.Api.Jobs.Scheduling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// The durable upgrade-path flow (SPEC §3.6) on this instance: it keeps up to <c>Fota:UpgradePath:MaxConcurrency</c> jobs
/// running through <see cref="UpgradePathStepRunner"/> and claims due jobs for the free slots only (a lease long enough
/// for a create to finish, so no step runs twice, here or on another instance). A slow step holds its own slot, not the
/// others: a pass that ends wakes the loop to fill its slot, as does a new or cancelled job (<see cref="UpgradePathSignal"/>);
/// otherwise it looks every <c>Fota:UpgradePath:Interval</c>. A stop lets running passes end and gives the claims back so
/// another instance (or the next start) resumes at once.
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
    private readonly string _owner = ClaimOwner.NewName();

    /// <summary>The claim's lease: a step's create and its bookkeeping, and a margin.</summary>
    public TimeSpan ClaimDuration => FotaScheduler.CreateBound(nrfCloudOptions.Value.TotalTimeout) + TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(pass => pass.IsCompleted);
                var wanted = Math.Min(options.Value.MaxConcurrency - running.Count, options.Value.BatchSize);
                var claimed = 0;
                if (wanted > 0)
                {
                    try
                    {
                        var now = timeProvider.GetUtcNow();
                        var due = await store.ClaimDueAsync(_owner, now, now + ClaimDuration, wanted, stoppingToken);
                        claimed = due.Count;
                        running.AddRange(due.Select(job => RunPassAsync(job, stoppingToken)));
                    }
                    catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                    {
                        LogClaimFailed(exception);
                    }
                }

                if (claimed < wanted || running.Count >= options.Value.MaxConcurrency)
                {
                    await signal.WaitAsync(options.Value.Interval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running);
            await ClaimRelease.OnStopAsync("Upgrade-path flow", _owner, token => store.ReleaseClaimsAsync(_owner, token), logger);
        }
    }

    /// <summary>One job's pass in its own scope; never throws (a failed pass's claim runs out and the job is due again).</summary>
    private async Task RunPassAsync(StoredUpgradePathJob job, CancellationToken stoppingToken)
    {
        await Task.Yield(); // the loop goes on claiming for the other slots while this pass runs
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpgradePathStepRunner>().RunAsync(_owner, job, stoppingToken);
        }
        catch (Exception exception)
        {
            // Nothing half-written: every write is one transaction. A pass cut short by the stop is not a failure.
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
