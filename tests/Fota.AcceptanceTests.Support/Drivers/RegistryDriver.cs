using Fota.AcceptanceTests.Support.Hosting;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>Registers the scenario's devices through the service's admin API (SPEC 2.6).</summary>
public sealed class RegistryDriver(AdminApi admin)
{
    public Task<RegisteredDevice> CreateDeviceAsync(string model, string account) => admin.CreateDeviceAsync(model, account);
}
