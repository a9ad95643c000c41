using Fota.AcceptanceTests.Support.Hosting;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>A mock nRF Cloud that holds given recordings (the real mock's matcher answers "called with"); lock <see cref="Recorded"/> to add while a driver reads.</summary>
internal sealed class RecordingMock : IMockNrfCloud
{
    public List<RecordedRequest> Recorded { get; } = [];

    /// <summary>The API keys of each MatchRequestAsync call.</summary>
    public List<string> MatchCalls { get; } = [];

    public Uri ApiEndpoint { get; } = new("http://mock.test/");

    public Task<string> QueueResponseAsync(string apiKey, string request, string rawResponse, bool keep = false, CancellationToken cancellationToken = default) => Task.FromResult("q");

    public Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(RequestFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RecordedRequest>>(Snapshot());

    public Task<RecordedRequest?> WaitForRequestAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("\"called with\" asks MatchRequestAsync.");

    /// <summary>Like the real mock (the same matcher): when nothing matching is recorded, the wait lasts its whole timeout.</summary>
    public async Task<RequestMatchResult> MatchRequestAsync(IReadOnlyCollection<string> apiKeys, string expectedRequest, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        MatchCalls.Add(string.Join(",", apiKeys));
        var expected = RequestMatcher.ParseCalledWith(expectedRequest);
        var match = Recorded.FirstOrDefault(expected.IsMatch);
        if (match is null)
        {
            await Task.Delay(timeout, cancellationToken);
        }

        var misses = Recorded.Where(r => r != match && expected.Target.Matches(r)).Select(r => new NearMiss(r, expected.Differences(r))).ToList();
        return new RequestMatchResult(match, misses, Recorded.ToList());
    }

    private List<RecordedRequest> Snapshot()
    {
        lock (Recorded)
        {
            return Recorded.ToList();
        }
    }

    public Task ClearResponsesAsync(string? apiKey = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ClearRequestsAsync(string? apiKey = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>A host around <see cref="RecordingMock"/> with a short retry budget.</summary>
internal sealed class FakeHost(IMockNrfCloud mock) : IFotaHost
{
    public string Mode => "fake";

    public string ApiUrl => "http://api";

    public HttpClient ApiClient { get; } = new();

    public string AdminToken => "admin";

    public IMockNrfCloud Mock => mock;

    public Uri AccountApiEndpoint => mock.ApiEndpoint;

    public RetrySettings Retry { get; } = new(TimeSpan.FromMilliseconds(1), 2, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));

    public ValueTask DisposeAsync()
    {
        ApiClient.Dispose();
        return ValueTask.CompletedTask;
    }
}
