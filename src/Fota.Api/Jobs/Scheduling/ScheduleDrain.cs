namespace Fota.Api.Jobs.Scheduling;

/// <summary>
/// Holds the service's stop while a schedule that reached nRF Cloud still records its outcome (<see cref="FotaScheduler"/>
/// bounds that by <see cref="FotaScheduler.StoreBudget"/>): <see cref="StopAsync"/> waits for every schedule in flight, up
/// to the host's shutdown timeout, before the database and the nRF Cloud client are disposed. Kestrel drains requests on
/// its own; this also covers hosts that do not (a test server) and requests whose caller went away.
/// </summary>
public sealed class ScheduleDrain : IHostedService
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private TaskCompletionSource? _idle;

    /// <summary>Marks a schedule in flight until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _inFlight++;
        }

        return new Handle(this);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _idle?.TrySetResult();
                _idle = null;
            }
        }
    }

    private sealed class Handle(ScheduleDrain drain) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                drain.Leave();
            }
        }
    }
}
