using Fota.AcceptanceTests.Support.Hosting;
using Fota.Testing;
using Reqnroll;
using Reqnroll.BoDi;

namespace Fota.AcceptanceTests.Support;

/// <summary>
/// <c>@own-instances</c>: the scenario runs against a service of its own (<see cref="OwnInstancesHost"/>: its own database,
/// the suite's mock), started before it and disposed after it, so it can restart the service or let it die. The suite
/// cannot do that to a deployment: deployed, such scenarios are skipped, saying why.
/// </summary>
[Binding]
public sealed class OwnInstancesHooks
{
    public const string Tag = "own-instances";

    /// <summary>The scenario's host: the shared one, or one of its own when tagged <c>@own-instances</c>.</summary>
    public static async Task<IFotaHost> HostForAsync(ScenarioInfo scenario, IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(container);
        var shared = await FotaHosts.CurrentAsync();
        if (!scenario.CombinedTags.Contains(Tag, StringComparer.Ordinal))
        {
            return shared;
        }

        if (shared is InProcessFotaHost inProcess)
        {
            return await OwnInstancesHost.StartAsync(inProcess.Mock, inProcess.Retry);
        }

        container.RegisterInstanceAs(shared); // the after-scenario hooks still find a host
        VisibleSkip.Because(
            $"@{Tag} scenarios restart the service and let instances of it die, which the suite can do only to instances it "
            + $"starts in-process; against the deployment at {DeployedSettings.ApiUrlVariable} they are skipped.");
        return shared;
    }

    /// <summary>After the mock state is forgotten and the WebSockets are closed (they use the host), before the timing.</summary>
    [AfterScenario(Tag, Order = 500)]
    public static async Task StopOwnInstances(IFotaHost host)
    {
        if (host is OwnInstancesHost own)
        {
            await own.DisposeAsync();
        }
    }
}
