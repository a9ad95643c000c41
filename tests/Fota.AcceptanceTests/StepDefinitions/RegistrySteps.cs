using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

[Binding]
public sealed class RegistrySteps(ScenarioAccounts accounts, RegistryDriver registry, ScenarioVariables variables)
{
    /// <summary>Registers a device in this scenario's account; stores its fingerprint in `name` and its id in `name_deviceId`.</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)`$")]
    public Task RegisterDevice(string model, string name) => RegisterDeviceInAccount(model, name, ScenarioAccounts.DefaultAlias);

    /// <summary>Registers a device in another account of this scenario (e.g. `elite`).</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)` in the `([^`]+)` account$")]
    public async Task RegisterDeviceInAccount(string model, string name, string accountAlias)
    {
        var account = await accounts.GetOrCreateAsync(accountAlias);
        var device = await registry.CreateDeviceAsync(variables.Substitute(model), account.Name);
        variables.Set(name, device.Fingerprint);
        variables.Set(name + "_deviceId", device.DeviceId);
    }
}
