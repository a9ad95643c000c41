using System.Net.Http.Headers;
using System.Text;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.AcceptanceTests.Support.Retry;
using Reqnroll;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>
/// Sends requests to the service and keeps the last response. A request is prepared by a step and
/// sent when the first assertion needs its response; assertions are retried (re-sending the request
/// where allowed) according to <see cref="RetryPlan.ForResponse"/>.
/// </summary>
public sealed class ApiDriver(IFotaHost host, IReqnrollOutputHelper output, StepRetry? retry = null, ScenarioClient? client = null)
{
    private readonly Dictionary<string, (PreparedRequest Request, Task<ApiResponse> Answer)> _inFlight = new(StringComparer.Ordinal);
    private PreparedRequest? _prepared;
    private ApiResponse? _last;

    /// <summary>The last response, when the prepared request has been sent (for evidence in other failures).</summary>
    public ApiResponse? LastResponseIfSent => _last;

    /// <summary>Prepares a request; <paramref name="body"/> is sent with <paramref name="contentType"/> (default JSON).</summary>
    public void Prepare(string method, string url, string? body = null, int? retrying = null, string contentType = "application/json")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL (write it as ${{APIURL}}/…).", nameof(url));
        }

        _prepared = new PreparedRequest(method.ToUpperInvariant(), url, body, contentType, retrying, []);
        _last = null;
    }

    /// <summary>Prepares a request without a body and sends it <paramref name="times"/> times in a row; the last answer is the last response.</summary>
    public async Task SendTimesAsync(string method, string url, int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        Prepare(method, url);
        for (var i = 0; i < times; i++)
        {
            _last = await SendAsync(_prepared!).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a header (<c>Name: value</c>) to the prepared request, which must not have been sent yet.</summary>
    public void AddHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var prepared = _prepared ?? throw new InvalidOperationException("Prepare a request (I `GET` `…`) before giving it a header.");
        if (_last is not null)
        {
            throw new InvalidOperationException("The request was already sent; give it its headers right after preparing it.");
        }

        var colon = header.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"'{header}' is not a header line 'Name: value'.");
        }

        prepared.Headers.Add(new KeyValuePair<string, string>(header[..colon].Trim(), header[(colon + 1)..].Trim()));
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> on the last response (sending the prepared request first if needed),
    /// retrying as the request and <paramref name="soon"/> allow.
    /// </summary>
    public async Task AssertAsync(string what, bool soon, Action<ApiResponse> assertion)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var prepared = _prepared ?? throw new InvalidOperationException("No request was made in this scenario before asserting on its response.");
        var retrier = new Retrier(retry?.For(host.Retry) ?? host.Retry, output.WriteLine);
        var plan = RetryPlan.ForResponse(prepared.Method, prepared.Retrying, soon);
        await retrier.RunAsync(what, plan, async (attempt, _) =>
        {
            if (_last is null || attempt > 1)
            {
                _last = await SendAsync(prepared).ConfigureAwait(false);
            }

            try
            {
                assertion(_last);
            }
            catch (Exception failure)
            {
                throw new StepFailedException($"{failure.Message}{Environment.NewLine}Last response: {_last.Describe()}", failure);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The last response, sending the prepared request if it has not been sent.</summary>
    public async Task<ApiResponse> GetLastResponseAsync()
    {
        if (_last is not null)
        {
            return _last;
        }

        var prepared = _prepared ?? throw new InvalidOperationException("No request was made in this scenario.");
        return _last = await SendAsync(prepared).ConfigureAwait(false);
    }

    /// <summary>Sends the prepared request now and does not wait for its answer (e.g. to make a second request while the
    /// service is still working on it); <see cref="AwaitInFlightAsync"/> makes the answer the last response.</summary>
    public void SendWithoutWaiting(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var prepared = _prepared ?? throw new InvalidOperationException("Prepare a request (I `POST` `…` with) before sending it without waiting.");
        if (_last is not null)
        {
            throw new InvalidOperationException("The prepared request was already sent; prepare it again to send it without waiting.");
        }

        if (!_inFlight.TryAdd(name, (prepared, SendAsync(prepared))))
        {
            throw new InvalidOperationException($"A request named `{name}` was already sent in this scenario.");
        }

        _prepared = null;
    }

    /// <summary>Waits for the answer of the request sent as <paramref name="name"/> and makes it the last response.</summary>
    public async Task AwaitInFlightAsync(string name)
    {
        if (!_inFlight.Remove(name, out var inFlight))
        {
            throw new InvalidOperationException($"No request was sent without waiting as `{name}` in this scenario (or its answer was taken already).");
        }

        _last = await inFlight.Answer.ConfigureAwait(false);
        _prepared = inFlight.Request;
    }

    private async Task<ApiResponse> SendAsync(PreparedRequest prepared)
    {
        using var request = new HttpRequestMessage(new HttpMethod(prepared.Method), prepared.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (prepared.Body is not null)
        {
            request.Content = new StringContent(prepared.Body, Encoding.UTF8, prepared.ContentType);
        }

        // The scenario's client address, unless the step gave one (another client).
        if (client is not null && !prepared.Headers.Exists(h => h.Key.Equals(ScenarioClient.Header, StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(ScenarioClient.Header, client.Address);
        }

        foreach (var (name, value) in prepared.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await host.ApiClient.SendAsync(request).ConfigureAwait(false);
        var read = await ApiResponse.ReadAsync(request, response, CancellationToken.None).ConfigureAwait(false);
        output.WriteLine($"{read.Method} {read.Url} → {read.StatusCode}");
        return read;
    }

    private sealed record PreparedRequest(string Method, string Url, string? Body, string ContentType, int? Retrying, List<KeyValuePair<string, string>> Headers);
}
