namespace MockNrfCloud.Abstractions.Simulator;

/// <summary>The simulator-mode operations of the mock (SPEC 4.1), implemented in-process and over the admin HTTP API.</summary>
public interface INrfCloudSimulatorAdmin
{
    /// <summary>Creates or updates the simulated devices of <paramref name="apiKey"/> (see <see cref="DeviceSeed"/>).</summary>
    /// <exception cref="MockNrfCloudInputException">apiKey is empty, no device is given or a device has no id
    /// (ParamName "apiKey" or "devices").</exception>
    /// <exception cref="InvalidOperationException">The mock is not in simulator mode (over HTTP: a MockNrfCloudAdminException with status 409).</exception>
    Task SeedDevicesAsync(string apiKey, IReadOnlyList<DeviceSeed> devices, CancellationToken cancellationToken = default);
}
