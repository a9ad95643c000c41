using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

[Binding]
public sealed class RegistrySteps(ScenarioAccounts accounts, RegistryDriver registry, ScenarioVariables variables)
{
    /// <summary>Registers a device in an account of this scenario; stores its fingerprint in `name` and its id in `name_deviceId`.</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)`(?: in the `([^`]+)` account)?$")]
    public async Task RegisterDevice(string model, string name, string? accountAlias)
    {
        var account = await accounts.GetOrCreateAsync(string.IsNullOrEmpty(accountAlias) ? ScenarioAccounts.DefaultAlias : accountAlias);
        var device = await registry.CreateDeviceAsync(variables.Substitute(model), account.Name);
        variables.Set(name, device.Fingerprint);
        variables.Set(name + "_deviceId", device.DeviceId);
    }
}
