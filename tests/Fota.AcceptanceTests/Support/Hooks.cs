using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;

namespace Fota.AcceptanceTests.Support;

[Binding]
public sealed class Hooks
{
    /// <summary>Every scenario knows the service's base URL as <c>APIURL</c>.</summary>
    [BeforeScenario(Order = 0)]
    public static async Task ProvideApiUrl(ScenarioHost scenarioHost, ScenarioVariables variables)
    {
        ArgumentNullException.ThrowIfNull(scenarioHost);
        ArgumentNullException.ThrowIfNull(variables);
        var host = await scenarioHost.GetAsync();
        variables.Set("APIURL", host.ApiUrl);
    }

    /// <summary>Leaves nothing of this scenario in the (possibly shared) mock.</summary>
    [AfterScenario]
    public static Task ForgetMockState(NrfCloudMockDriver mock)
    {
        ArgumentNullException.ThrowIfNull(mock);
        return mock.CleanUpAsync();
    }

    [AfterTestRun]
    public static Task StopHost() => FotaHosts.DisposeSharedAsync();
}
