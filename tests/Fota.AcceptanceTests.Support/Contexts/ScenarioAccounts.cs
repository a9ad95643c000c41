using System.Diagnostics.CodeAnalysis;
using Fota.FeatureRunner;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The nRF Cloud accounts this scenario owns, by the alias its steps use ("" is the default account, "elite", …),
/// and every API key the scenario owns (its accounts' keys and keys made for an account update), each kept once. The
/// mock's queues and journal are read for exactly these keys. Plain data: <c>AccountsDriver</c> provisions, and
/// <see cref="KeyAdded"/> (set by <c>Support/ApiKeyHooks</c>) is told each new key. Shared by the scenarios of a story
/// (a BDD-Markdown feature), whose later scenarios talk about the device of the Background.
/// </summary>
[SharedInStory]
public sealed class ScenarioAccounts
{
    public const string DefaultAlias = "";

    private readonly List<NrfCloudAccount> _accounts = [];
    private readonly List<string> _keysOfNoAccount = [];

    /// <summary>A prefix unique to this scenario for the names of its accounts.</summary>
    public string ScenarioId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Every API key of the scenario: its accounts' keys, then those of no account yet.</summary>
    public IReadOnlyList<string> ApiKeys => [.. _accounts.Select(account => account.ApiKey), .. _keysOfNoAccount];

    /// <summary>What must follow a new key of this scenario (the mock must answer it as it answers the others).</summary>
    public Func<string, Task>? KeyAdded { get; set; }

    public bool TryGet(string alias, [MaybeNullWhen(false)] out NrfCloudAccount account)
    {
        account = _accounts.Find(candidate => candidate.Alias == alias);
        return account is not null;
    }

    public Task AddAsync(NrfCloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (TryGet(account.Alias, out _))
        {
            throw new ArgumentException($"The scenario already has an account '{account.Alias}'.", nameof(account));
        }

        var known = ApiKeys.Contains(account.ApiKey, StringComparer.Ordinal);
        _keysOfNoAccount.Remove(account.ApiKey);
        _accounts.Add(account);
        return known ? Task.CompletedTask : TellAsync(account.ApiKey);
    }

    /// <summary>A key of the scenario that no account of it has (yet), e.g. for an account update.</summary>
    public Task AddApiKeyAsync(string apiKey)
    {
        if (ApiKeys.Contains(apiKey, StringComparer.Ordinal))
        {
            return Task.CompletedTask;
        }

        _keysOfNoAccount.Add(apiKey);
        return TellAsync(apiKey);
    }

    private Task TellAsync(string apiKey) => KeyAdded?.Invoke(apiKey) ?? Task.CompletedTask;
}

/// <summary>One account of the scenario.</summary>
public sealed record NrfCloudAccount(string Alias, string Name, string ApiKey);
