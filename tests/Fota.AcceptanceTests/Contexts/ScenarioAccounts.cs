using Fota.FeatureRunner;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The nRF Cloud accounts this scenario owns, by the alias its steps use ("" is the default account, "elite", …),
/// and every API key the scenario owns (its accounts' keys and keys made for an account update). The mock's queues
/// and journal are read for exactly these keys. Plain data: <c>AccountsDriver</c> provisions. Shared by the scenarios
/// of a story (a BDD-Markdown feature), whose later scenarios talk about the device of the Background.
/// </summary>
[SharedInStory]
public sealed class ScenarioAccounts
{
    public const string DefaultAlias = "";

    private readonly Dictionary<string, NrfCloudAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<string> _apiKeys = [];

    /// <summary>A prefix unique to this scenario for the names of its accounts.</summary>
    public string ScenarioId { get; } = Guid.NewGuid().ToString("N")[..12];

    public IReadOnlyList<string> ApiKeys => _apiKeys;

    public bool TryGet(string alias, out NrfCloudAccount account) => _accounts.TryGetValue(alias, out account!);

    public void Add(NrfCloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _accounts.Add(account.Alias, account);
        AddApiKey(account.ApiKey);
    }

    public void AddApiKey(string apiKey)
    {
        if (!_apiKeys.Contains(apiKey, StringComparer.Ordinal))
        {
            _apiKeys.Add(apiKey);
        }
    }
}

/// <summary>One account of the scenario.</summary>
public sealed record NrfCloudAccount(string Alias, string Name, string ApiKey);
