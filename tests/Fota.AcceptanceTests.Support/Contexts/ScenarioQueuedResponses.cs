namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The nRF Cloud responses this scenario queued, in order: a key the scenario gets later is queued them too
/// (<c>Support/ApiKeyHooks</c>), so "queued for this scenario" holds for every account it uses. Plain data.
/// </summary>
public sealed class ScenarioQueuedResponses
{
    private readonly List<QueuedNrfCloudResponse> _responses = [];

    public IReadOnlyList<QueuedNrfCloudResponse> All => _responses;

    public void Add(QueuedNrfCloudResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _responses.Add(response);
    }
}

/// <summary>A raw HTTP response queued for <c>METHOD /path[?query]</c>; kept = it answers every matching request.</summary>
public sealed record QueuedNrfCloudResponse(string Request, string RawResponse, bool Keep);
