using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>
/// Provisions the scenario's nRF Cloud accounts on first use: a name and API key unique to the scenario, pointed at
/// the mock. Their names and keys go into the variables <c>nrfCloudAccount</c> / <c>nrfCloudApiKey</c> (default
/// account) or <c>&lt;alias&gt;NrfCloudAccount</c> / <c>&lt;alias&gt;NrfCloudApiKey</c>.
/// </summary>
public sealed class AccountsDriver(IFotaHost host, AdminApi admin, ScenarioAccounts accounts, ScenarioVariables variables, IReqnrollOutputHelper output)
{
    /// <summary>The endpoint no nRF Cloud answers at: a closed loopback port.</summary>
    public static readonly Uri UnreachableEndpoint = new("http://127.0.0.1:9");

    public async Task<NrfCloudAccount> GetOrCreateAsync(string alias)
    {
        if (accounts.TryGet(alias, out var existing))
        {
            return existing;
        }

        var name = alias.Length == 0 ? $"suite-{accounts.ScenarioId}" : $"suite-{accounts.ScenarioId}-{Slug(alias)}";
        var account = new NrfCloudAccount(alias, name, NewApiKey());
        await admin.PutAccountAsync(account.Name, host.AccountApiEndpoint, account.ApiKey).ConfigureAwait(false);
        await accounts.AddAsync(account).ConfigureAwait(false);
        var prefix = alias.Length == 0 ? "nrfCloud" : alias + "NrfCloud";
        variables.Set(prefix + "Account", account.Name);
        variables.Set(prefix + "ApiKey", account.ApiKey);
        output.WriteLine($"nRF Cloud account '{name}' ({(alias.Length == 0 ? "default" : alias)}) → {host.AccountApiEndpoint}");
        return account;
    }

    /// <summary>An account of this scenario whose nRF Cloud endpoint cannot be reached (not one the mock serves).</summary>
    public async Task<string> CreateUnreachableAsync(string alias)
    {
        var name = $"suite-{accounts.ScenarioId}-{Slug(alias)}-unreachable";
        await admin.PutAccountAsync(name, UnreachableEndpoint, NewApiKey()).ConfigureAwait(false);
        output.WriteLine($"nRF Cloud account '{name}' → {UnreachableEndpoint} (unreachable)");
        return name;
    }

    /// <summary>
    /// An account of this scenario on the mock nRF Cloud in simulator mode (<see cref="IFotaHost.SimulatorApiEndpoint"/>): it
    /// answers every call by its simulation, nothing is queued. Fails naming NRFCLOUD_SIMULATOR_URL where there is none.
    /// </summary>
    public async Task<string> CreateOnSimulatorAsync(string alias)
    {
        var endpoint = host.SimulatorApiEndpoint ?? throw new InvalidOperationException(
            $"This scenario needs a mock nRF Cloud in simulator mode (Mock:Mode=Simulator): set {DeployedSettings.SimulatorUrlVariable} "
            + "to its URL (scripts/run-deployed.sh starts one).");
        var name = $"suite-{accounts.ScenarioId}-{Slug(alias)}-simulator";
        await admin.PutAccountAsync(name, endpoint, NewApiKey()).ConfigureAwait(false);
        output.WriteLine($"nRF Cloud account '{name}' → {endpoint} (simulator)");
        return name;
    }

    /// <summary>A new API key of this scenario (the mock serves and records it for the scenario), not yet any account's.</summary>
    public async Task<string> NewScenarioApiKeyAsync()
    {
        var apiKey = NewApiKey();
        await accounts.AddApiKeyAsync(apiKey).ConfigureAwait(false);
        return apiKey;
    }

    private static string NewApiKey() => "suite-key-" + Guid.NewGuid().ToString("N");

    private static string Slug(string alias) =>
        new(alias.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
