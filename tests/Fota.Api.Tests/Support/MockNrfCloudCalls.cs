using System.Net;
using MockNrfCloud;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The real mock nRF Cloud (mock-nrfcloud, in-process: <see cref="InProcessMockNrfCloud"/>) as these tests use it:
/// fixed answers queued per API key in raw HTTP (with the mock's <c>X-Mock-Delay</c>/<c>X-Mock-Drop</c> directives),
/// and the calls its journal recorded. A service calls it when created with <c>new FotaApiFactory(mock: …)</c>.
/// </summary>
public static class MockNrfCloudCalls
{
    /// <summary>Queues <paramref name="json"/> (or no body) with <paramref name="status"/> for <paramref name="request"/>
    /// ("METHOD /path[?query]", a query value written /regex/ matches as a regex); <paramref name="keep"/> answers every
    /// match until a later kept answer replaces it. <paramref name="directives"/> are raw header lines such as "X-Mock-Drop: true".</summary>
    public static Task QueueAsync(this IMockNrfCloud mock, string apiKey, string request, HttpStatusCode status, string? json = null, bool keep = false, params string[] directives) =>
        mock.QueueResponseAsync(apiKey, request, Raw(status, json, directives), keep, TestContext.Current.CancellationToken);

    /// <summary>A raw HTTP response: the status line, a JSON content type when there is a body, <paramref name="headers"/>, the body.</summary>
    public static string Raw(HttpStatusCode status, string? json = null, params string[] headers)
    {
        using var reason = new HttpResponseMessage(status);
        var lines = new List<string> { $"HTTP/1.1 {(int)status} {reason.ReasonPhrase}" };
        if (json is not null)
        {
            lines.Add("Content-Type: application/json");
        }

        lines.AddRange(headers);
        return string.Join("\n", lines) + "\n\n" + json;
    }

    /// <summary>The calls made with <paramref name="apiKey"/> (null: any key, "anonymous": none) to <paramref name="method"/>
    /// <paramref name="path"/>, oldest first.</summary>
    public static Task<IReadOnlyList<RecordedRequest>> CallsAsync(this IMockNrfCloud mock, string? apiKey, string? method = null, string? path = null) =>
        mock.GetRequestsAsync(new RequestFilter(apiKey, method, path), TestContext.Current.CancellationToken);
}
