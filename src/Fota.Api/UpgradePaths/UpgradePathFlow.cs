using Fota.Api.Jobs.Scheduling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// The durable upgrade-path flow (SPEC §3.6) on this instance: each round claims the due jobs (a lease long enough for a
/// create to finish, so no step runs twice) and runs them, a few at once, through <see cref="UpgradePathStepRunner"/>. A new
/// job wakes it at once (<see cref="UpgradePathSignal"/>); otherwise it looks every <c>Fota:UpgradePath:Interval</c>. A stop
/// gives the claims back so another instance (or the next start) resumes at once.
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

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await RunRoundAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(exception);
                }

                if (claimed < options.Value.BatchSize)
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
            await ClaimRelease.OnStopAsync("Upgrade-path flow", _owner, token => store.ReleaseClaimsAsync(_owner, token), logger);
        }
    }

    private async Task<int> RunRoundAsync(CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        var claimed = await store.ClaimDueAsync(_owner, now, now + ClaimDuration, options.Value.BatchSize, stoppingToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = stoppingToken },
            async (job, cancellationToken) =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<UpgradePathStepRunner>().RunAsync(_owner, job, cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The claim runs out and the job is due again; nothing half-written (every write is one transaction).
                    LogJobFailed(exception, job.JobId, job.Step);
                }
            });
        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The upgrade-path flow's round failed; it tries again")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upgrade-path job {JobId} failed in step {Step}; it is due again when its claim runs out")]
    private partial void LogJobFailed(Exception exception, string jobId, string step);

}
