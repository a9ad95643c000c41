using System.Net.Http.Headers;
using System.Text;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Retry;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>
/// Sends requests to the service and keeps the last response. A request is prepared by a step and
/// sent when the first assertion needs its response; assertions are retried (re-sending the request
/// where allowed) according to <see cref="RetryPlan.ForResponse"/>.
/// </summary>
public sealed class ApiDriver(ScenarioHost scenarioHost)
{
    private PreparedRequest? _prepared;
    private ApiResponse? _last;

    /// <summary>The last response, when the prepared request has been sent (for evidence in other failures).</summary>
    public ApiResponse? LastResponseIfSent => _last;

    public void Prepare(string method, string url, string? jsonBody = null, int? retrying = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL (write it as ${{APIURL}}/…).", nameof(url));
        }

        _prepared = new PreparedRequest(method.ToUpperInvariant(), url, jsonBody, retrying);
        _last = null;
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> on the last response (sending the prepared request first if needed),
    /// retrying as the request and <paramref name="soon"/> allow.
    /// </summary>
    public async Task AssertAsync(string what, bool soon, Action<ApiResponse> assertion)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var prepared = _prepared ?? throw new InvalidOperationException("No request was made in this scenario before asserting on its response.");
        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        var retrier = new Retrier(host.Retry, scenarioHost.Log);
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
            catch (Exception failure) when (failure is not ResponseAssertionException)
            {
                throw new ResponseAssertionException($"{failure.Message}{Environment.NewLine}Last response: {_last.Describe()}", failure);
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

    private async Task<ApiResponse> SendAsync(PreparedRequest prepared)
    {
        var host = await scenarioHost.GetAsync().ConfigureAwait(false);
        using var request = new HttpRequestMessage(new HttpMethod(prepared.Method), prepared.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (prepared.JsonBody is not null)
        {
            request.Content = new StringContent(prepared.JsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await host.ApiClient.SendAsync(request).ConfigureAwait(false);
        var read = await ApiResponse.ReadAsync(request, response, CancellationToken.None).ConfigureAwait(false);
        scenarioHost.Log($"{read.Method} {read.Url} → {read.StatusCode}");
        return read;
    }

    private sealed record PreparedRequest(string Method, string Url, string? JsonBody, int? Retrying);
}

/// <summary>An assertion on the service's response failed; the message carries the response.</summary>
public sealed class ResponseAssertionException : Exception
{
    public ResponseAssertionException()
    {
    }

    public ResponseAssertionException(string message)
        : base(message)
    {
    }

    public ResponseAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
