using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Simulator;
using MockNrfCloud.Hosting;

namespace MockNrfCloud;

/// <summary>
/// The mock nRF Cloud started inside the test process on a free loopback port. Queue and inspect calls go straight to
/// the server's state (no HTTP hop); the server itself — the nRF Cloud surface and the admin API — is real HTTP, so
/// the service under test and MockNrfCloud.Client.HttpMockNrfCloud can both talk to it.
/// </summary>
public sealed class InProcessMockNrfCloud : IMockNrfCloud, INrfCloudSimulatorAdmin, IAsyncDisposable, IDisposable
{
    private readonly MockNrfCloudServer _server;

    /// <summary>Starts the mock on http://127.0.0.1 with a port the OS picks. For simulator mode pass
    /// <c>new MockOptions { Mode = MockMode.Simulator, Simulator = { StepDelay = …, … } }</c>; <paramref name="timeProvider"/>
    /// is the simulator's clock (default: the system clock).</summary>
    public InProcessMockNrfCloud(MockOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _server = MockNrfCloudServer.Start(options ?? new MockOptions(), ["http://127.0.0.1:0"], loggerFactory, timeProvider);
        ApiEndpoint = new Uri(_server.Url.GetLeftPart(UriPartial.Authority));
        AdminBaseUrl = new Uri(ApiEndpoint, "/mock/");
    }

    /// <inheritdoc />
    public Uri ApiEndpoint { get; }

    /// <summary>The admin HTTP API base (ends with "/mock/"), e.g. for an MockNrfCloud.Client.HttpMockNrfCloud over this server.</summary>
    public Uri AdminBaseUrl { get; }

    /// <summary>The admin token the admin HTTP API requires, or null when open.</summary>
    public string? AdminToken => string.IsNullOrEmpty(_server.Options.AdminToken) ? null : _server.Options.AdminToken;

    /// <inheritdoc />
    public Task<string> QueueResponseAsync(string apiKey, string request, string rawResponse, bool keep = false, CancellationToken cancellationToken = default) =>
        Task.FromResult(_server.State.Queue(apiKey, request, rawResponse, keep));

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(RequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult(_server.State.FindRequests(filter));
    }

    /// <inheritdoc />
    public Task<RecordedRequest?> WaitForRequestAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _server.State.WaitAsync(filter, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RequestMatchResult> MatchRequestAsync(IReadOnlyCollection<string> apiKeys, string expectedRequest, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _server.State.MatchAsync(apiKeys, expectedRequest, timeout, cancellationToken);

    /// <inheritdoc />
    public Task ClearResponsesAsync(string? apiKey = null, CancellationToken cancellationToken = default)
    {
        _server.State.ClearResponses(apiKey);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearRequestsAsync(string? apiKey = null, CancellationToken cancellationToken = default)
    {
        _server.State.ClearRequests(apiKey);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SeedDevicesAsync(string apiKey, IReadOnlyList<DeviceSeed> devices, CancellationToken cancellationToken = default)
    {
        _server.State.SeedDevices(apiKey, devices);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _server.Dispose();
}
