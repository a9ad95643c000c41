using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;

namespace Fota.AcceptanceTests.Support;

/// <summary>What must follow a new API key of the scenario, in one place.</summary>
[Binding]
public sealed class ApiKeyHooks
{
    /// <summary>
    /// A key the scenario gets (an account's, or one made for an account update) is queued every response the
    /// scenario queued before it, so "queued for this scenario" holds for every account it uses. Runs after
    /// <see cref="Hooks.ProvideHost"/>, which puts the host into the container. In a story the current scenario's
    /// queue is the one replayed, as each scenario queues its own.
    /// </summary>
    [BeforeScenario(Order = 1)]
    public static void ReplayQueuedResponsesForNewKeys(IFotaHost host, ScenarioAccounts accounts, ScenarioQueuedResponses queued)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(accounts);
        accounts.KeyAdded = apiKey => ScenarioMockState.ReplayAsync(host.Mock, queued, apiKey);
    }
}
