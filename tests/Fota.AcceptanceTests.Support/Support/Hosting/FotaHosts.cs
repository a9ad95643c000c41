namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The host of the test run: one, started on first use (in-process unless FOTA_API_URL is set), disposed
/// after the run. A test may run scenarios against another host by <see cref="Use"/> (flows with the async
/// call, so it affects only that test).
/// </summary>
public static class FotaHosts
{
    private static readonly AsyncLocal<IFotaHost?> Override = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IFotaHost? _shared;
    private static Exception? _startFailure;

    /// <summary>The host the current scenario runs against.</summary>
    public static async Task<IFotaHost> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Override.Value is { } chosen)
        {
            return chosen;
        }

        if (Volatile.Read(ref _shared) is { } shared)
        {
            return shared;
        }

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_startFailure is { } failed)
            {
                throw DidNotStart(failed);
            }

            try
            {
                return _shared ??= await StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A service that does not start will not start for the next scenario either: each reports this cause at once.
                _startFailure = e;
                throw DidNotStart(e);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static InvalidOperationException DidNotStart(Exception cause) =>
        new($"The service under test did not start, so no scenario of this test run can run: {cause.GetType().Name}: {cause.Message}", cause);

    /// <summary>Runs the scenarios started within this async flow against <paramref name="host"/> until disposed.</summary>
    public static IDisposable Use(IFotaHost host)
    {
        var previous = Override.Value;
        Override.Value = host;
        return new Restore(() => Override.Value = previous);
    }

    /// <summary>Stops the shared host (after the test run); the next run starts one again, even if this run's did not start.</summary>
    public static async Task DisposeSharedAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _startFailure = null;
            if (_shared is { } shared)
            {
                _shared = null;
                await shared.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IFotaHost> StartAsync(CancellationToken cancellationToken) =>
        DeployedSettings.FromEnvironment(Environment.GetEnvironmentVariable) is { } deployed
            ? DeployedFotaHost.Create(deployed)
            : await InProcessFotaHost.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
