using Fota.Api.Devices;
using Fota.Api.Jobs.Polling;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;
using Fota.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Fota.Api.DeviceStates;

/// <summary>
/// Background reads of device state (SPEC §3.5), for the watched devices only (an open WebSocket on any instance, or a flow's
/// <see cref="IDeviceStates.WatchAsync"/>). Every round it renews this instance's WebSocket watches, then claims the due
/// reads (a lease, so two instances never read one device at once) of the accounts that have no read running here, and
/// reads each account's devices in its own task, in calls of at most 100 ids, one call at a time per account and at most
/// <see cref="DeviceStateOptions.MaxConcurrency"/> accounts at once: a slow or failing account holds only its own task and
/// never delays another's reads. A device missing from an answer keeps its state; a failure is logged with the account and
/// status and retried with the poller's backoff. On stop it lets running reads end and gives back all its claims.
/// </summary>
public sealed partial class DeviceStateReader(
    IDeviceStateStore store,
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    ConnectedDeviceWatches sockets,
    DeviceStateSignal signal,
    TimeProvider timeProvider,
    IOptions<DeviceStateOptions> options,
    IOptions<PollerOptions> pollerOptions,
    ILogger<DeviceStateReader> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>This reader's name in claims.</summary>
    public string Owner { get; } = ClaimOwner.NewName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var pause = settings.Interval / 2; // a device due now waits at most this long for its round
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await sockets.RenewDueAsync(stoppingToken);
                    if (settings.Enabled)
                    {
                        await StartRoundAsync(stoppingToken);
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

                try
                {
                    await signal.WaitAsync(pause, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        finally
        {
            await WhenIdleAsync();
            await ClaimRelease.OnStopAsync(nameof(DeviceStateReader), Owner, token => store.ReleaseClaimsAsync(Owner, token), logger);
        }
    }

    /// <summary>
    /// One round: claims the due reads of accounts with no read running here and starts one task per account (not awaited).
    /// Returns how many reads it claimed. Public for tests that drive rounds with a fake clock.
    /// </summary>
    public async Task<int> StartRoundAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        string[] busy;
        lock (_lock)
        {
            foreach (var done in _running.Where(pair => pair.Value.IsCompleted).Select(pair => pair.Key).ToList())
            {
                _running.Remove(done);
            }

            if (_running.Count >= settings.MaxConcurrency)
            {
                return 0;
            }

            busy = [.. _running.Keys];
        }

        var now = timeProvider.GetUtcNow();
        var claimed = await store.ClaimDueAsync(Owner, now, now + settings.ClaimDuration, settings.ClaimSize, busy, cancellationToken);
        var giveBack = new List<StateReadOutcome>();
        foreach (var account in claimed.GroupBy(read => read.Account, StringComparer.Ordinal))
        {
            lock (_lock)
            {
                if (_running.Count < settings.MaxConcurrency)
                {
                    _running[account.Key] = Task.Run(() => ReadAccountAsync(account.Key, [.. account], cancellationToken), CancellationToken.None);
                    continue;
                }
            }

            giveBack.AddRange(account.Select(read => new StateReadOutcome(read.DeviceId, now, read.Failures)));
        }

        await store.FinishReadsAsync(Owner, giveBack, cancellationToken);
        return claimed.Count;
    }

    /// <summary>Returns when every account read started so far has ended.</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_running.Values);
        }
    }

    private async Task ReadAccountAsync(string accountName, IReadOnlyList<ClaimedStateRead> reads, CancellationToken stoppingToken)
    {
        try
        {
            var account = await accounts.FindAsync(accountName, stoppingToken);
            foreach (var chunk in reads.Chunk(NrfCloudClient.MaxDeviceIdsPerCall))
            {
                var remaining = chunk.Min(read => read.ClaimedUntil) - timeProvider.GetUtcNow();
                if (remaining <= TimeSpan.Zero || stoppingToken.IsCancellationRequested)
                {
                    return; // the lease ran out (another instance may read them now), or stopping: the claims are given back
                }

                using var leaseEnds = new CancellationTokenSource(remaining, timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leaseEnds.Token);
                await ReadChunkAsync(accountName, account, chunk, linked.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the claims are given back in ExecuteAsync.
        }
        catch (Exception exception)
        {
            LogReadCrashed(exception, accountName);
        }
    }

    private async Task ReadChunkAsync(string accountName, NrfCloudAccount? account, ClaimedStateRead[] chunk, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(read => read.DeviceId).ToList();
        using var trace = StateReadTrace.Start(accountName, ids.Count);
        var result = account is null
            ? NrfCloudResult<IReadOnlyList<NrfCloudDeviceState>>.Failed(new NrfCloudFailure($"account '{accountName}' is not configured", null, OutcomeUnknown: false))
            : await nrfCloud.ListDeviceStatesAsync(account, ids, cancellationToken);
        var now = timeProvider.GetUtcNow();
        IReadOnlyList<StateReadOutcome> outcomes;
        if (!cancellationToken.IsCancellationRequested || result.IsSuccess)
        {
            trace.Finished(result.IsSuccess);
        }

        if (result.IsSuccess)
        {
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            // A device missing from the answer keeps its state: nothing is written for it.
            var states = result.Value.Where(found => wanted.Contains(found.Id)).Select(found => DeviceStateService.ToWrite(accountName, found, now)).ToList();
            var changed = await store.SaveAsync(states, CancellationToken.None);
            LogRead(accountName, ids.Count, states.Count, changed.Count);
            outcomes = [.. chunk.Select(read => new StateReadOutcome(read.DeviceId, now + options.Value.Interval, 0))];
        }
        else
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return; // cut short by the stop or the lease: nothing learnt
            }

            LogReadFailed(accountName, result.Error.StatusCode, result.Error.Detail, ids.Count);
            outcomes = [.. chunk.Select(read => new StateReadOutcome(
                read.DeviceId, now + pollerOptions.Value.DelayAfter(read.Failures + 1), read.Failures + 1))];
        }

        await store.FinishReadsAsync(Owner, outcomes, CancellationToken.None);
    }


    [LoggerMessage(Level = LogLevel.Debug, Message = "Read the state of {Count} device(s) of account {Account}: {Found} in nRF Cloud's answer, {Changed} changed")]
    private partial void LogRead(string account, int count, int found, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the state of {Count} device(s) of account {Account} failed with status {StatusCode}: {Detail}; retrying with backoff")]
    private partial void LogReadFailed(string account, int? statusCode, string detail, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading device states of account {Account} failed unexpectedly")]
    private partial void LogReadCrashed(Exception exception, string account);

    [LoggerMessage(Level = LogLevel.Error, Message = "A device state round failed; retrying at the next round")]
    private partial void LogRoundFailed(Exception exception);

}
