using System.Globalization;
using System.Text;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Matching;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Client;
using MockNrfCloud.Client.Parsing;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>
/// The scenario's view of the mock nRF Cloud: queues responses for the scenario's API keys and checks
/// what the service sent with them. A response queued before an account exists is queued for it when
/// it is created, so "queued for this scenario" holds for every account the scenario uses.
/// </summary>
public sealed class NrfCloudMockDriver(ScenarioHost scenarioHost)
{
    private readonly List<string> _apiKeys = [];
    private readonly List<QueuedResponse> _queued = [];

    public IReadOnlyList<string> ApiKeys => _apiKeys;

    public async Task QueueAsync(string request, string rawResponse, bool keep)
    {
        var queued = new QueuedResponse(request.Trim(), rawResponse, keep);
        _queued.Add(queued);
        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        foreach (var apiKey in _apiKeys)
        {
            await host.Mock.QueueResponseAsync(apiKey, queued.Request, queued.RawResponse, queued.Keep).ConfigureAwait(false);
        }
    }

    /// <summary>Makes <paramref name="apiKey"/> one of the scenario's keys and queues what the scenario queued so far for it.</summary>
    public async Task AdoptApiKeyAsync(string apiKey)
    {
        _apiKeys.Add(apiKey);
        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        foreach (var queued in _queued)
        {
            await host.Mock.QueueResponseAsync(apiKey, queued.Request, queued.RawResponse, queued.Keep).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// SPEC 5.4. With <paramref name="soon"/>: waits server-side for a request with the expected method and
    /// path, then matches the details against every request recorded for the scenario, retrying within the budget.
    /// </summary>
    public async Task AssertCalledWithAsync(string rawRequest, bool soon, Func<ApiResponse?> lastServiceResponse)
    {
        ArgumentNullException.ThrowIfNull(lastServiceResponse);
        var expected = RawHttpRequestParser.Parse(rawRequest);
        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        if (_apiKeys.Count == 0)
        {
            throw new InvalidOperationException("This scenario owns no nRF Cloud account yet, so nothing can have called nRF Cloud for it: register a device first.");
        }

        var retrier = new Retrier(host.Retry, scenarioHost.Log);
        var waited = false;
        await retrier.RunAsync($"called with {expected.Method} {expected.Path}", RetryPlan.ForMock(soon), async (_, startedAt) =>
        {
            var recorded = await RecordedAsync(host.Mock).ConfigureAwait(false);
            if (recorded.Any(r => RequestMatcher.Differences(expected, r).Count == 0))
            {
                return;
            }

            if (soon && !waited && !recorded.Any(r => RequestMatcher.SameTarget(expected, r)))
            {
                waited = true;
                var arrived = await WaitForAnyKeyAsync(host.Mock, expected, retrier.Remaining(startedAt)).ConfigureAwait(false);
                if (arrived)
                {
                    recorded = await RecordedAsync(host.Mock).ConfigureAwait(false);
                    if (recorded.Any(r => RequestMatcher.Differences(expected, r).Count == 0))
                    {
                        return;
                    }
                }
            }

            throw new NrfCloudCallException(Explain(expected, recorded, host.AccountApiEndpoint, soon ? host.Retry.Budget : TimeSpan.Zero, lastServiceResponse()));
        }).ConfigureAwait(false);
    }

    /// <summary>Forgets the scenario's queued responses and recorded requests at the mock.</summary>
    public async Task CleanUpAsync()
    {
        if (_apiKeys.Count == 0)
        {
            return;
        }

        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        foreach (var apiKey in _apiKeys)
        {
            await host.Mock.ClearResponsesAsync(apiKey).ConfigureAwait(false);
            await host.Mock.ClearRequestsAsync(apiKey).ConfigureAwait(false);
        }
    }

    private async Task<List<RecordedRequest>> RecordedAsync(IMockNrfCloud mock)
    {
        var all = new List<RecordedRequest>();
        foreach (var apiKey in _apiKeys)
        {
            all.AddRange(await mock.GetRequestsAsync(new RequestFilter(ApiKey: apiKey)).ConfigureAwait(false));
        }

        return all.OrderBy(r => r.Time).ToList();
    }

    private async Task<bool> WaitForAnyKeyAsync(IMockNrfCloud mock, RawHttpRequest expected, TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var stop = new CancellationTokenSource();
        var waits = _apiKeys
            .Select(apiKey => mock.WaitForRequestAsync(new RequestFilter(apiKey, expected.Method, expected.Path), timeout, stop.Token))
            .ToList();
        try
        {
            while (waits.Count > 0)
            {
                var done = await Task.WhenAny(waits).ConfigureAwait(false);
                waits.Remove(done);
                if (await done.ConfigureAwait(false) is not null)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(waits.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    private static string Explain(RawHttpRequest expected, List<RecordedRequest> recorded, Uri mockEndpoint, TimeSpan waited, ApiResponse? lastServiceResponse)
    {
        var text = new StringBuilder();
        var sameTarget = recorded.Where(r => RequestMatcher.SameTarget(expected, r)).ToList();
        if (sameTarget.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No {expected.Method} {expected.Path} request reached the mock nRF Cloud at {mockEndpoint} for this scenario's API key(s)");
            text.AppendLine(waited > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" within {waited.TotalSeconds:0.#} s.") : ".");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"None of the {sameTarget.Count} {expected.Method} {expected.Path} request(s) the mock nRF Cloud recorded for this scenario matches:");
            foreach (var request in sameTarget)
            {
                foreach (var difference in RequestMatcher.Differences(expected, request))
                {
                    text.Append("  - ").AppendLine(difference);
                }
            }
        }

        // In full: the requests to the expected target when there are any (else everything); the rest in one line each.
        var shown = sameTarget.Count > 0 ? sameTarget : recorded;
        text.AppendLine(CultureInfo.InvariantCulture, $"Recorded for this scenario ({recorded.Count}):");
        foreach (var request in shown)
        {
            text.Append("  ").Append(RequestMatcher.Describe(request));
        }

        foreach (var other in recorded.Except(shown).GroupBy(request => $"{request.Method} {request.Path}", StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {other.Key} ×{other.Count()}");
        }

        if (lastServiceResponse is not null)
        {
            text.Append("The service's last answer: ").AppendLine(lastServiceResponse.Describe());
        }

        return text.ToString();
    }

    private sealed record QueuedResponse(string Request, string RawResponse, bool Keep);
}

/// <summary>The service did not call nRF Cloud as expected.</summary>
public sealed class NrfCloudCallException : Exception
{
    public NrfCloudCallException()
    {
    }

    public NrfCloudCallException(string message)
        : base(message)
    {
    }

    public NrfCloudCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
