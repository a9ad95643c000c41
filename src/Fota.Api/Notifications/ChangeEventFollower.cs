using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.Notifications;

/// <summary>
/// Follows the change events that every instance stores (the outbox) and hands each one, in id order, to this instance's
/// connections of its device. It starts after the newest event that exists when the instance starts: a client connecting
/// later is owed only later changes. It also prunes events older than <see cref="NotificationOptions.Retention"/>.
/// </summary>
public sealed partial class ChangeEventFollower(
    IChangeEventStore events,
    IChangeEventWakeUp wakeUp,
    DeviceConnections connections,
    TimeProvider timeProvider,
    IOptions<NotificationOptions> options,
    ILogger<ChangeEventFollower> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private long _cursor;

    /// <summary>The id of the last event handed to the connections.</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server accepts connections, so every connection gets every change stored after the start.
        _cursor = await events.LatestIdAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var pruneEvery = settings.Retention < TimeSpan.FromMinutes(1) ? settings.Retention : TimeSpan.FromMinutes(1);
        var nextPrune = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverNewAsync(stoppingToken);
                if (timeProvider.GetUtcNow() >= nextPrune)
                {
                    var pruned = await events.PruneAsync(settings.Retention, stoppingToken);
                    nextPrune = timeProvider.GetUtcNow() + pruneEvery;
                    if (pruned > 0)
                    {
                        LogPruned(pruned);
                    }
                }

                await wakeUp.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogFailed(exception);
                await Task.Delay(settings.PollInterval, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Hands every event stored after <see cref="Cursor"/> to the connections of its device.</summary>
    private async Task DeliverNewAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await events.ReadAfterAsync(Cursor, BatchSize, cancellationToken);
            foreach (var change in batch)
            {
                connections.Publish(change);
                Interlocked.Exchange(ref _cursor, change.Id);
            }

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} change events")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading change events failed; retrying")]
    private partial void LogFailed(Exception exception);
}
