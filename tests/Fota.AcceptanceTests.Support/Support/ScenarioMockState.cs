using Fota.AcceptanceTests.Contexts;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support;

/// <summary>
/// The scenario's state at the mock nRF Cloud, which partitions by API key: responses queued for every key of the
/// scenario (and again for each key it gets later), and forgotten for them when the scenario ends.
/// </summary>
public static class ScenarioMockState
{
    /// <summary>Queues <paramref name="response"/> for every key the scenario has, and remembers it for keys to come.</summary>
    public static async Task QueueAsync(IMockNrfCloud mock, ScenarioAccounts accounts, ScenarioQueuedResponses queued, QueuedNrfCloudResponse response)
    {
        ArgumentNullException.ThrowIfNull(mock);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(response);
        queued.Add(response);
        foreach (var apiKey in accounts.ApiKeys)
        {
            await mock.QueueResponseAsync(apiKey, response.Request, response.RawResponse, response.Keep).ConfigureAwait(false);
        }
    }

    /// <summary>Queues what the scenario queued so far for a key it just got.</summary>
    public static async Task ReplayAsync(IMockNrfCloud mock, ScenarioQueuedResponses queued, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(mock);
        ArgumentNullException.ThrowIfNull(queued);
        foreach (var response in queued.All)
        {
            await mock.QueueResponseAsync(apiKey, response.Request, response.RawResponse, response.Keep).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the queued responses and recorded requests of <paramref name="owner"/>'s keys at the mock.</summary>
    public static async Task ForgetAsync(IMockNrfCloud mock, ScenarioAccounts owner)
    {
        ArgumentNullException.ThrowIfNull(mock);
        ArgumentNullException.ThrowIfNull(owner);
        foreach (var apiKey in owner.ApiKeys)
        {
            await mock.ClearResponsesAsync(apiKey).ConfigureAwait(false);
            await mock.ClearRequestsAsync(apiKey).ConfigureAwait(false);
        }
    }
}
