using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jsonata;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// Walks a freshly started in-process host once through what the scenarios do (admin API, scheduling
/// through the mock, listing, JSONata), so the first scenario does not pay for just-in-time compilation
/// and every scenario's time says how fast the service is. Best effort: what fails here fails again,
/// with evidence, in the scenarios.
/// </summary>
internal static class HostWarmUp
{
    public static async Task RunAsync(HttpClient api, string adminToken, IMockNrfCloud mock, CancellationToken cancellationToken)
    {
        _ = JsonataExpression.Parse("$fromMillis($millis()) & $string(jobs[0].id)").Evaluate(new JsonObject(), null);

        var id = Guid.NewGuid().ToString("N");
        var apiKey = "suite-warm-up-" + id;
        var account = "suite-warm-up-" + id[..12];
        using (var put = Admin(HttpMethod.Put, $"/admin/accounts/{account}", adminToken, new JsonObject { ["apiEndpoint"] = mock.ApiEndpoint.ToString().TrimEnd('/'), ["apiKey"] = apiKey }))
        using (var response = await api.SendAsync(put, cancellationToken).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                return;
            }
        }

        JsonNode? device;
        using (var post = Admin(HttpMethod.Post, "/admin/devices", adminToken, new JsonObject { ["model"] = "PCA20065", ["account"] = account }))
        using (var response = await api.SendAsync(post, cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return;
            }

            device = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
        }

        var deviceId = device?["deviceId"]?.GetValue<string>();
        var fingerprint = device?["fingerprint"]?.GetValue<string>();
        var jobId = Guid.NewGuid().ToString();
        await mock.QueueResponseAsync(apiKey, "POST /v1/fota-jobs", $"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{{\"jobId\":\"{jobId}\"}}", cancellationToken: cancellationToken).ConfigureAwait(false);
        await mock.QueueResponseAsync(apiKey, $"GET /v1/fota-jobs/{jobId}", $"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{{\"jobId\":\"{jobId}\",\"status\":\"SUCCEEDED\",\"createdAt\":\"2024-01-01T00:00:00.000Z\"}}", keep: true, cancellationToken: cancellationToken).ConfigureAwait(false);

        using (var schedule = new HttpRequestMessage(HttpMethod.Post, $"/device/{deviceId}/fota?fingerprint={fingerprint}") { Content = JsonContent.Create(new JsonObject { ["bundleId"] = "APP*1e29dfa3*v2.0.0" }) })
        using (await api.SendAsync(schedule, cancellationToken).ConfigureAwait(false))
        {
        }

        using (await api.GetAsync(new Uri($"/device/{deviceId}/fota/jobs?fingerprint={fingerprint}", UriKind.Relative), cancellationToken).ConfigureAwait(false))
        {
        }

        await mock.WaitForRequestAsync(new RequestFilter(apiKey, "GET", $"/v1/fota-jobs/{jobId}"), TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        await mock.GetRequestsAsync(new RequestFilter(apiKey), cancellationToken).ConfigureAwait(false);
        await mock.ClearResponsesAsync(apiKey, cancellationToken).ConfigureAwait(false);
        await mock.ClearRequestsAsync(apiKey, cancellationToken).ConfigureAwait(false);
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path, string adminToken, JsonObject body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        return request;
    }
}
