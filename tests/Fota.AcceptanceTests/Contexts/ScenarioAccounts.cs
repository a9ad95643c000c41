using Fota.AcceptanceTests.Drivers;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The nRF Cloud accounts this scenario owns: each step's account alias ("the default", "elite", …) maps
/// to an account with a name and API key unique to the scenario, provisioned in the service on first use
/// and pointed at the mock. Its key is stored in the variable <c>nrfCloudApiKey</c> (default account) or
/// <c>&lt;alias&gt;NrfCloudApiKey</c>.
/// </summary>
public sealed class ScenarioAccounts(ScenarioHost scenarioHost, RegistryDriver registry, NrfCloudMockDriver mock, ScenarioVariables variables)
{
    public const string DefaultAlias = "";

    private readonly Dictionary<string, NrfCloudAccount> _accounts = new(StringComparer.Ordinal);
    private readonly string _scenarioId = Guid.NewGuid().ToString("N")[..12];

    public IReadOnlyCollection<NrfCloudAccount> All => _accounts.Values;

    public async Task<NrfCloudAccount> GetOrCreateAsync(string alias)
    {
        if (_accounts.TryGetValue(alias, out var existing))
        {
            return existing;
        }

        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        var name = alias.Length == 0 ? $"suite-{_scenarioId}" : $"suite-{_scenarioId}-{Slug(alias)}";
        var account = new NrfCloudAccount(alias, name, "suite-key-" + Guid.NewGuid().ToString("N"));
        await registry.PutAccountAsync(account.Name, host.AccountApiEndpoint, account.ApiKey).ConfigureAwait(false);
        _accounts[alias] = account;
        variables.Set(alias.Length == 0 ? "nrfCloudApiKey" : alias + "NrfCloudApiKey", account.ApiKey);
        await mock.AdoptApiKeyAsync(account.ApiKey).ConfigureAwait(false);
        scenarioHost.Log($"nRF Cloud account '{name}' ({(alias.Length == 0 ? "default" : alias)}) → {host.AccountApiEndpoint}");
        return account;
    }

    private static string Slug(string alias) =>
        new(alias.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}

/// <summary>One account of the scenario.</summary>
public sealed record NrfCloudAccount(string Alias, string Name, string ApiKey);
