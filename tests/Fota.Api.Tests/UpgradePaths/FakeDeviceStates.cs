using System.Collections.Concurrent;
using Fota.Api.DeviceStates;
using Fota.Api.Storage;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>
/// A test double of the device-state seam (<see cref="IDeviceStates"/>) for the /v2 tests until the real one is in main:
/// what a read now answers and what is stored, per device, set by the test; records watches. Shared by the hosts of a test
/// as the real state is (in the database).
/// </summary>
public sealed class FakeDeviceStates : IDeviceStates
{
    private readonly ConcurrentDictionary<string, DeviceStateRead> _reads = new();
    private readonly ConcurrentDictionary<string, DeviceState> _stored = new();
    private readonly ConcurrentDictionary<(string DeviceId, string Watcher), DateTimeOffset> _watches = new();

    public static readonly string[] AllTypes = ["BOOT", "MODEM", "APP"];

    public static DeviceState State(string deviceId, string? app = "2.0.0", string? modem = "2.0.1", params string[] fotaTypes)
    {
        var types = fotaTypes.Length == 0 ? AllTypes : fotaTypes;
        var targets = new HashSet<FotaTarget>();
        if (types.Contains("APP"))
        {
            targets.Add(FotaTarget.App);
        }

        if (types.Contains("MODEM") || types.Contains("MDM_FULL"))
        {
            targets.Add(FotaTarget.Modem);
        }

        return new DeviceState(deviceId, app, modem, targets, types);
    }

    /// <summary>The device reports <paramref name="state"/>: a read now answers it, and it is the stored state.</summary>
    public void Report(DeviceState state)
    {
        _reads[state.DeviceId] = new DeviceStateRead.Found(state);
        _stored[state.DeviceId] = state;
    }

    /// <summary>The device reports <paramref name="app"/> as its application version (the rest as before).</summary>
    public void ReportApp(string deviceId, string app) => Report(_stored[deviceId] with { AppVersion = app });

    public void ReportModem(string deviceId, string modem) => Report(_stored[deviceId] with { ModemVersion = modem });

    /// <summary>What a read now answers (unknown device, nRF Cloud failing), leaving the stored state alone.</summary>
    public void AnswerRead(string deviceId, DeviceStateRead read) => _reads[deviceId] = read;

    /// <summary>Whether <paramref name="watcher"/> has the device read at <paramref name="at"/> (default: any time; as the store, a watch ends at its deadline).</summary>
    public bool IsWatched(string deviceId, string watcher, DateTimeOffset? at = null) =>
        _watches.TryGetValue((deviceId, watcher), out var until) && (at is null || until > at);

    public int WatchCalls { get; private set; }

    public Task<DeviceStateRead> ReadNowAsync(StoredDevice device, CancellationToken cancellationToken) =>
        Task.FromResult(_reads.TryGetValue(device.DeviceId, out var read) ? read : new DeviceStateRead.UnknownDevice());

    public Task<DeviceState?> GetStoredAsync(string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult(_stored.TryGetValue(deviceId, out var state) ? state : null);

    public Task WatchAsync(string deviceId, string watcher, DateTimeOffset until, CancellationToken cancellationToken)
    {
        WatchCalls++;
        _watches[(deviceId, watcher)] = until;
        return Task.CompletedTask;
    }

    public Task UnwatchAsync(string deviceId, string watcher, CancellationToken cancellationToken)
    {
        _watches.TryRemove((deviceId, watcher), out _);
        return Task.CompletedTask;
    }
}
