using System.Threading.Channels;
using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Fota;

/// <summary>
/// Background status poller. Each round claims due jobs in the database (a lease, so instances sharing the database never
/// poll one job at once) and polls them with bounded concurrency. Woken at once by <see cref="PollSignal"/>, otherwise
/// every <see cref="PollerOptions.ScanInterval"/>.
/// </summary>
public sealed partial class StatusPoller(
    IJobStore jobs,
    IServiceScopeFactory scopes,
    PollSignal signal,
    TimeProvider timeProvider,
    IOptions<PollerOptions> options,
    ILogger<StatusPoller> logger) : BackgroundService
{
    /// <summary>This poller's name in claims; unique even for two hosts in one process.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarted(Owner, settings.MaxConcurrency);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogRoundFailed(exception);
            }

            if (claimed >= settings.BatchSize)
            {
                continue; // more jobs may be due right now
            }

            try
            {
                await signal.WaitAsync(settings.ScanInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Claims one batch of due jobs and polls them; returns how many were claimed.</summary>
    public async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var claimed = await jobs.ClaimDueAsync(Owner, now, now + settings.ClaimDuration, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // A scope per round: the nRF Cloud client is a typed HttpClient and must not live as long as the poller.
        await using var scope = scopes.CreateAsyncScope();
        var poll = scope.ServiceProvider.GetRequiredService<JobStatusPoll>();

        // Outcomes are written by one writer in as few transactions as the pace allows (group commit):
        // one at a time when polls are slow, many per transaction when they are fast.
        var outcomes = Channel.CreateUnbounded<PollOutcome>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteOutcomesAsync(outcomes.Reader, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(claimed, parallel, async (job, token) =>
            {
                var remaining = job.ClaimedUntil - timeProvider.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    return; // the lease ran out while waiting; another instance may have the job now
                }

                // The poll must end while the lease is ours, or a second instance could poll the same job.
                using var leaseEnds = new CancellationTokenSource(remaining, timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, leaseEnds.Token);
                try
                {
                    outcomes.Writer.TryWrite(await poll.RunAsync(job, linked.Token));
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    LogLeaseExpired(job.JobId);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPollCrashed(exception, job.JobId);
                }
            });
        }
        finally
        {
            outcomes.Writer.Complete();
        }

        await writer;
        return claimed.Count;
    }

    private async Task WriteOutcomesAsync(ChannelReader<PollOutcome> reader, CancellationToken cancellationToken)
    {
        var batch = new List<PollOutcome>();
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < 1000 && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            await jobs.SavePollOutcomesAsync(Owner, batch, cancellationToken);
            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FOTA status poller is disabled (Fota:Poller:Enabled = false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "FOTA status poller {Owner} started, at most {MaxConcurrency} nRF Cloud calls at once")]
    private partial void LogStarted(string owner, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Error, Message = "A status polling round failed; retrying at the next scan")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling FOTA job {JobId} outlived its claim and was cancelled")]
    private partial void LogLeaseExpired(string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling FOTA job {JobId} failed unexpectedly")]
    private partial void LogPollCrashed(Exception exception, string jobId);
}
