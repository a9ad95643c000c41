using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Fota.Api.Tests.Support;

/// <summary>One request the fake nRF Cloud received, with its body as exact bytes.</summary>
public sealed record NrfCloudCall(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Header {name} was not sent; sent: {string.Join(", ", Headers.Keys)}");
}

/// <summary>
/// Stands in for nRF Cloud as the primary handler of the service's HttpClient: answers from per-route responders
/// ("GET /v1/fota-jobs/{id}"), records every call, and counts concurrent calls per route.
/// </summary>
/// <remarks>
/// Why a fake and not the real mock (mock-nrfcloud, which most tests use through <c>new FotaApiFactory(mock: …)</c> and
/// <see cref="MockNrfCloudCalls"/>): the faults below, which the mock's queue of fixed raw-HTTP answers (with
/// X-Mock-Delay/Drop) cannot express. The table in tests/README.md lists every test class and which it uses.
/// <list type="bullet">
/// <item>An answer held until the test releases it (<see cref="FakeNrfCloudFaults"/>.ProcessThenHoldAnswer, or a responder
/// awaiting a task): BundlesTests' and CancelTests' races, ExactlyOnceTests, DrainOnStopTests, PollerFaultTests,
/// DeviceStateReaderTests.</item>
/// <item>Answers without network latency: ExactlyOnceTests' fifty schedules with a fast nRF Cloud.</item>
/// <item>Calls stamped on the service's fake clock (<see cref="Clock"/>): PollerTests' growing waits.</item>
/// <item>Concurrent-call counts per route and in total: SharedDatabaseTests, MultiInstanceProofTests (over
/// <see cref="NrfCloudServer"/>).</item>
/// <item>A connection refusal raised without a socket, then an answer (<see cref="FakeNrfCloudFaults"/>.RefuseConnection): UpstreamTests.</item>
/// <item>Calls recorded per service instance (a primary handler each): NotificationTests' two-instance test.</item>
/// <item>Answering for https://api.nrfcloud.com itself (the default account's endpoint): AdminTests.</item>
/// </list>
/// Classes the table marks "not moved yet" still use it for fixed answers only; they fit the mock.
/// </remarks>
public sealed class FakeNrfCloud : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>> _once = new();
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _always = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentQueue<NrfCloudCall> _calls = new();
    private readonly ConcurrentQueue<string> _createdJobs = new();
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task>> _delayByKey = new(StringComparer.Ordinal);
    private int _maxInFlightPerRoute;
    private int _inFlightTotal;
    private int _maxInFlightTotal;

    public IReadOnlyList<NrfCloudCall> Calls => [.. _calls];

    /// <summary>The jobs this nRF Cloud has created (a device would update for each), whatever it answered.</summary>
    public IReadOnlyList<string> CreatedJobs => [.. _createdJobs];

    /// <summary>Creates a job as nRF Cloud would, and returns its id; the answer is up to the caller (see <see cref="FakeNrfCloudFaults"/>).</summary>
    public string CreateJob()
    {
        var jobId = Guid.NewGuid().ToString();
        _createdJobs.Enqueue(jobId);
        return jobId;
    }

    /// <summary>Every call with <paramref name="apiKey"/> first awaits <paramref name="delay"/> (a slow account).</summary>
    public void DelayFor(string apiKey, Func<HttpRequestMessage, CancellationToken, Task> delay) => _delayByKey[apiKey] = delay;

    /// <summary>The clock that stamps <see cref="NrfCloudCall.At"/>; set it to the service's fake clock to measure waits.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The most calls that were running at the same time for one route (one job).</summary>
    public int MaxConcurrentCallsPerRoute => Volatile.Read(ref _maxInFlightPerRoute);

    public int MaxConcurrentCalls => Volatile.Read(ref _maxInFlightTotal);

    public IReadOnlyList<NrfCloudCall> CallsTo(string method, string path) =>
        Calls.Where(c => c.Method.Method == method && c.Uri.AbsolutePath == path).ToList();

    /// <summary>Answers the next call of <paramref name="route"/> ("METHOD /path") once; queued answers are used in order.</summary>
    public void Enqueue(string route, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) =>
        _once.GetOrAdd(route, _ => new ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>()).Enqueue(respond);

    public void Enqueue(string route, HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null) =>
        Enqueue(route, (_, _) => Task.FromResult(Response(status, json, configure)));

    /// <summary>Answers every call of <paramref name="route"/> that no queued answer takes.</summary>
    public void Always(string route, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _always[route] = respond;

    public void Always(string route, HttpStatusCode status, string? json = null) =>
        Always(route, (_, _) => Task.FromResult(Response(status, json)));

    public static HttpResponseMessage Response(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method.Method} {request.RequestUri!.AbsolutePath}";
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        _calls.Enqueue(new NrfCloudCall(request.Method, request.RequestUri, headers, body, Clock.GetUtcNow()));

        var inFlight = _inFlight.AddOrUpdate(route, 1, (_, n) => n + 1);
        UpdateMax(ref _maxInFlightPerRoute, inFlight);
        UpdateMax(ref _maxInFlightTotal, Interlocked.Increment(ref _inFlightTotal));
        try
        {
            var key = request.Headers.Authorization?.Parameter;
            if (key is not null && _delayByKey.TryGetValue(key, out var delay))
            {
                await delay(request, cancellationToken);
            }

            if (_once.TryGetValue(route, out var queue) && queue.TryDequeue(out var respondOnce))
            {
                return await respondOnce(request, cancellationToken);
            }

            if (_always.TryGetValue(route, out var respond))
            {
                return await respond(request, cancellationToken);
            }

            return Response(HttpStatusCode.NotFound, $"{{\"message\":\"fake nRF Cloud has nothing for {route}\"}}");
        }
        finally
        {
            _inFlight.AddOrUpdate(route, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref _inFlightTotal);
        }
    }

    private static void UpdateMax(ref int max, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref max)) && Interlocked.CompareExchange(ref max, value, seen) != seen)
        {
        }
    }
}
