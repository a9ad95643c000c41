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
            return _shared ??= await StartAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs the scenarios started within this async flow against <paramref name="host"/> until disposed.</summary>
    public static IDisposable Use(IFotaHost host)
    {
        var previous = Override.Value;
        Override.Value = host;
        return new Restore(() => Override.Value = previous);
    }

    /// <summary>Stops the shared host (after the test run).</summary>
    public static async Task DisposeSharedAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
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
