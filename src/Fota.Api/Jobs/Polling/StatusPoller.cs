using System.Threading.Channels;
using Fota.Api.Storage;
using Fota.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Fota.Api.Jobs.Polling;

/// <summary>
/// Background status poller. It keeps up to <see cref="PollerOptions.MaxConcurrency"/> slots polling. Each slot polls
/// jobs from a local ready queue one after another, so a slow call holds only its own slot and a finished poll starts
/// the next without waking the loop. When the queue cannot fill the free slots, the loop claims a batch of due jobs in
/// the database (a lease, so instances sharing the database never poll one job at once): up to
/// <see cref="ClaimAheadPerSlot"/> jobs per slot, at most <see cref="PollerOptions.BatchSize"/>, so one claim query
/// serves several polls. Fair between accounts: an account runs at most <see cref="PollerOptions.SlotsPerAccount"/> polls
/// at once and holds at most <see cref="ClaimAheadPerSlot"/> claims per such slot, so its slow calls never queue another
/// account's jobs (<see cref="AccountFairQueue{T}"/>). It never claims while every slot is busy. Woken at once by <see cref="PollSignal"/> (a new
/// job, or a slot that ran dry), otherwise every <see cref="PollerOptions.ScanInterval"/>; a claim that could only repeat
/// a fruitless one is not made (<see cref="FruitlessClaim"/>). On stop it starts nothing
/// more, lets running polls end, writes their outcomes and gives back all its claims, started or not.
/// </summary>
public sealed partial class StatusPoller(
    IJobStore jobs,
    IServiceScopeFactory scopes,
    PollSignal signal,
    TimeProvider timeProvider,
    IOptions<PollerOptions> options,
    ILogger<StatusPoller> logger) : BackgroundService
{
    /// <summary>Jobs claimed per slot at most; claimed jobs wait in the ready queue, so this bounds how long they wait.</summary>
    public const int ClaimAheadPerSlot = 4;

    private int _inFlight;

    /// <summary>This poller's name in claims; unique even for two hosts in one process.</summary>
    public string Owner { get; } = ClaimOwner.NewName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarted(Owner, settings.MaxConcurrency);
        // Outcomes are written by one writer in as few transactions as the pace allows (group commit):
        // one at a time when polls are slow, many per transaction when they are fast.
        var outcomes = Channel.CreateUnbounded<PollOutcome>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteOutcomesAsync(outcomes.Reader);
        var claimSize = Math.Min(settings.BatchSize, settings.MaxConcurrency * ClaimAheadPerSlot);
        var slotsPerAccount = settings.SlotsPerAccount;
        var ready = new AccountFairQueue<ReadyJob>(slotsPerAccount, job => job.Job.Account);
        var running = new List<Task>();
        FruitlessClaim? fruitless = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = settings.MaxConcurrency - Volatile.Read(ref _inFlight);
                var moreDue = false;
                var startable = ready.Startable;
                var now = timeProvider.GetUtcNow();
                var newJobs = signal.NewJobs;
                var leftOut = startable < free ? ready.AccountsHolding(slotsPerAccount * ClaimAheadPerSlot) : [];
                if (startable < free && fruitless?.Repeats(leftOut, newJobs, now, settings.ScanInterval) != true)
                {
                    try
                    {
                        var wanted = claimSize - startable;
                        var due = await jobs.ClaimDueAsync(Owner, now, now + settings.ClaimDuration, wanted, leftOut, stoppingToken);
                        moreDue = due.Count == wanted;
                        if (leftOut.Count > 0)
                        {
                            fruitless = moreDue ? null : new FruitlessClaim(leftOut, newJobs, now);
                        }
                        if (due.Count > 0)
                        {
                            var batch = new ClaimedBatch(scopes.CreateAsyncScope(), due.Count);
                            foreach (var job in due)
                            {
                                ready.Enqueue(new ReadyJob(job, batch));
                            }
                        }
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (Exception exception)
                    {
                        LogRoundFailed(exception);
                    }
                }

                for (; free > 0 && ready.TryStart(out var next); free--)
                {
                    Interlocked.Increment(ref _inFlight);
                    running.Add(RunSlotAsync(next, ready, outcomes.Writer, stoppingToken));
                }

                if (free > 0 && moreDue)
                {
                    continue; // slots are free and more jobs may be due right now
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
        finally
        {
            foreach (var unstarted in ready.TakeAllWaiting())
            {
                await unstarted.Batch.DoneAsync(); // its claim is given back below with the others
            }

            await Task.WhenAll(running);
            outcomes.Writer.Complete();
            await writer;
            await ClaimRelease.OnStopAsync(nameof(StatusPoller), Owner, token => jobs.ReleaseClaimsAsync(Owner, token), logger);
        }
    }

    /// <summary>
    /// One round outside the background loop (tests with the poller off, benchmarks): claims up to
    /// <see cref="PollerOptions.BatchSize"/> due jobs, polls them (at most <see cref="PollerOptions.MaxConcurrency"/> at once)
    /// and writes their outcomes. Returns how many jobs it claimed.
    /// </summary>
    public async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var due = await jobs.ClaimDueAsync(Owner, now, now + settings.ClaimDuration, settings.BatchSize, [], cancellationToken);
        var outcomes = Channel.CreateUnbounded<PollOutcome>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteOutcomesAsync(outcomes.Reader);
        foreach (var slot in due.Chunk(settings.MaxConcurrency))
        {
            await PollBatchAsync(slot, outcomes.Writer, cancellationToken);
        }

        outcomes.Writer.Complete();
        await writer;
        return due.Count;
    }

    /// <summary>Polls one claimed batch (each job in its own slot); the scope lives as long as the batch.</summary>
    private async Task PollBatchAsync(IReadOnlyList<ClaimedJob> claimed, ChannelWriter<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var poll = scope.ServiceProvider.GetRequiredService<JobStatusPoll>();
        await Task.WhenAll(claimed.Select(async job =>
        {
            await Task.Yield(); // each job in its own slot, even when a call completes synchronously
            await PollOneAsync(poll, job, outcomes, cancellationToken);
        }));
    }

    /// <summary>
    /// One slot: polls ready jobs one after another until the queue is empty or the poller stops, so a finished poll
    /// starts the next one without waking the loop. A slow call holds only this slot.
    /// </summary>
    private async Task RunSlotAsync(ReadyJob first, AccountFairQueue<ReadyJob> ready, ChannelWriter<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield(); // the loop goes on at once; later jobs of this slot follow without a hop
            var next = first;
            do
            {
                try
                {
                    await PollOneAsync(next.Batch.Poll, next.Job, outcomes, cancellationToken);
                }
                finally
                {
                    ready.Finished(next);
                    await next.Batch.DoneAsync();
                }
            }
            while (!cancellationToken.IsCancellationRequested && ready.TryStart(out next));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            signal.Notify(); // a slot is free
        }
    }

    private async Task PollOneAsync(JobStatusPoll poll, ClaimedJob job, ChannelWriter<PollOutcome> outcomes, CancellationToken cancellationToken)
    {
        try
        {
            var remaining = job.ClaimedUntil - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return; // the lease ran out; another instance may have the job now
            }

            // The poll must end while the lease is ours, or a second instance could poll the same job.
            using var leaseEnds = new CancellationTokenSource(remaining, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leaseEnds.Token);
            using var trace = PollTrace.Start(job);
            var outcome = await poll.RunAsync(job, linked.Token);
            if (outcome.Update is null && cancellationToken.IsCancellationRequested)
            {
                // The stop cut the call short: nothing was learnt, so no backoff either. The claim is given back in
                // ExecuteAsync and the job stays due, for whichever instance claims it next.
                return;
            }

            trace.Finished(job, outcome);
            outcomes.TryWrite(outcome with { TraceParent = trace.TraceParent });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the claim is given back in ExecuteAsync.
        }
        catch (OperationCanceledException)
        {
            LogLeaseExpired(job.JobId);
        }
        catch (Exception exception)
        {
            LogPollCrashed(exception, job.JobId);
        }
    }

    private async Task WriteOutcomesAsync(ChannelReader<PollOutcome> reader)
    {
        var batch = new List<PollOutcome>();
        // Not cancelled by stopping: outcomes of polls that ran are written before the claims are given back.
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < 1000 && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            try
            {
                await jobs.SavePollOutcomesAsync(Owner, batch, CancellationToken.None);
                // Their claims are given back: an account at its claim share may claim again now, not at the next scan.
                signal.Notify();
            }
            catch (Exception exception)
            {
                LogWriteFailed(exception, batch.Count);
            }

            batch.Clear();
        }
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "FOTA status poller is disabled (Fota:Poller:Enabled = false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "FOTA status poller {Owner} started, at most {MaxConcurrency} nRF Cloud calls at once")]
    private partial void LogStarted(string owner, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming due FOTA jobs failed; retrying at the next scan")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} poll outcome(s) failed; those jobs are polled again when their claims expire")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling FOTA job {JobId} outlived its claim and was cancelled")]
    private partial void LogLeaseExpired(string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling FOTA job {JobId} failed unexpectedly")]
    private partial void LogPollCrashed(Exception exception, string jobId);

    private sealed record ReadyJob(ClaimedJob Job, ClaimedBatch Batch);
}
