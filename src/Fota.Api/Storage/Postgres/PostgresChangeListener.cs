using Npgsql;

namespace Fota.Api.Storage.Postgres;

/// <summary>
/// <see cref="IChangeEventWakeUp"/> on PostgreSQL: <c>LISTEN</c> on one connection of its own, started when the follower
/// first waits. Stores send <see cref="NotifySql"/> inside the transaction of a change, and PostgreSQL delivers it to every
/// listening instance only after commit. When the connection breaks (a database restart), the listener reconnects with
/// backoff and wakes the follower once it listens again, so changes stored while it was away are read at once. The follower
/// also reads the outbox every <c>Fota:Notifications:PollInterval</c> without a wake-up (the safety net for a lost NOTIFY).
/// </summary>
public sealed partial class PostgresChangeListener : IChangeEventWakeUp, IAsyncDisposable
{
    public const string Channel = "fota_changes";

    /// <summary>Sent in the transaction that stores a change; delivered after commit, and never for a rolled-back change.</summary>
    public const string NotifySql = $"SELECT pg_notify('{Channel}', '');";

    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly ILogger<PostgresChangeListener> _logger;
    private readonly WakeSignal _wakeUps = new();

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task? _loop;
    private int _disposed;

    public PostgresChangeListener(PostgresDatabase database, ILogger<PostgresChangeListener> logger)
    {
        // A connection of its own (not from the pool), with keep-alives so a silently dead connection is noticed.
        _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 5 }.ConnectionString;
        _logger = logger;
    }

    /// <summary>Whether the listening connection is up (for tests and diagnostics).</summary>
    public bool IsListening { get; private set; }

    /// <summary>This instance committed a change: its own follower need not wait for the notification's round trip.</summary>
    public void Committed() => _wakeUps.Notify();

    /// <summary>Returns when woken or after <paramref name="pollInterval"/> (the safety net, on the system clock), whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        EnsureStarted();
        return _wakeUps.WaitAsync(pollInterval, TimeProvider.System, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // registered under two service types, so disposed twice
        }

        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        _stopping.Dispose();
    }

    private void EnsureStarted()
    {
        lock (_startLock)
        {
            _loop ??= Task.Run(() => ListenAsync(_stopping.Token));
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var reconnectDelay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                connection.Notification += (_, _) => _wakeUps.Notify();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = $"LISTEN {Channel};";
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                IsListening = true;
                reconnectDelay = TimeSpan.FromMilliseconds(100);
                LogListening(Channel);
                _wakeUps.Notify(); // changes stored while nobody listened
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                IsListening = false;
                LogListenFailed(exception, reconnectDelay.TotalMilliseconds);
                await Task.Delay(reconnectDelay, stoppingToken);
                reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }

        IsListening = false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for change notifications on channel {Channel}")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change notification connection failed; reconnecting in {DelayMs} ms")]
    private partial void LogListenFailed(Exception exception, double delayMs);
}
