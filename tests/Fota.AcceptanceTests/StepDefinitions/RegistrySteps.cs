using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

[Binding]
public sealed class RegistrySteps(AccountsDriver accounts, RegistryDriver registry, SchedulingDriver scheduling, ScenarioVariables variables)
{
    /// <summary>Registers a device in this scenario's account; stores its fingerprint in `name` and its id in `name_deviceId`.</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)`$")]
    public Task RegisterDevice(string model, string name) => RegisterDeviceInAccount(model, name, ScenarioAccounts.DefaultAlias);

    /// <summary>Registers a device in another account of this scenario (e.g. `elite`).</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)` in the `([^`]+)` account$")]
    public async Task RegisterDeviceInAccount(string model, string name, string accountAlias)
    {
        var account = await accounts.GetOrCreateAsync(accountAlias);
        await RegisterAsync(model, name, account.Name);
    }

    /// <summary>Registers a device in an account of this scenario whose nRF Cloud endpoint is a closed port.</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)` in an account whose nRF Cloud cannot be reached$")]
    public async Task RegisterDeviceInUnreachableAccount(string model, string name) =>
        await RegisterAsync(model, name, await accounts.CreateUnreachableAsync(name));

    /// <summary>Registers a device in an account of this scenario on the mock nRF Cloud in simulator mode (<c>@simulator</c> features).</summary>
    [StepDefinition(@"^I have the fingerprint for a `([^`]+)` device in `([^`]+)` in an account on the nRF Cloud simulator$")]
    public async Task RegisterDeviceOnSimulator(string model, string name) =>
        await RegisterAsync(model, name, await accounts.CreateOnSimulatorAsync(name));

    /// <summary>A fresh API key the mock serves for this scenario, e.g. for an account update.</summary>
    [StepDefinition(@"^I have a new nRF Cloud API key in `([^`]+)`$")]
    public async Task NewApiKey(string name) => variables.Set(name, await accounts.NewScenarioApiKeyAsync());

    /// <summary>Schedules N jobs for the device registered in `name`, each with its own nRF Cloud job id; stores the ids (oldest first).</summary>
    [StepDefinition(@"^I have scheduled `(\d+)` FOTA jobs for the device in `([^`]+)` and stored their ids in `([^`]+)`$")]
    public async Task ScheduleJobs(int count, string name, string idsName)
    {
        var ids = await scheduling.ScheduleAsync(count, variables.GetString(name + "_deviceId"), variables.GetString(name));
        variables.Set(idsName, new System.Text.Json.Nodes.JsonArray([.. ids.Select(id => (System.Text.Json.Nodes.JsonNode?)id)]));
    }

    private async Task RegisterAsync(string model, string name, string accountName)
    {
        var device = await registry.CreateDeviceAsync(variables.Substitute(model), accountName);
        variables.Set(name, device.Fingerprint);
        variables.Set(name + "_deviceId", device.DeviceId);
    }
}
