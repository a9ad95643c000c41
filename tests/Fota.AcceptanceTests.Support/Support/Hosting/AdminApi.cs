using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The service's admin API (SPEC 2.6) as the suite's drivers use it to provision accounts and devices: infrastructure
/// like <see cref="IFotaHost"/>, so drivers share it without depending on one another.
/// </summary>
public sealed class AdminApi(IFotaHost host)
{
    public async Task PutAccountAsync(string name, Uri apiEndpoint, string apiKey)
    {
        using var request = AdminRequest(HttpMethod.Put, $"{host.ApiUrl}/admin/accounts/{Uri.EscapeDataString(name)}", host.AdminToken);
        request.Content = JsonContent.Create(new AccountBody(apiEndpoint.ToString().TrimEnd('/'), apiKey));
        using var response = await host.ApiClient.SendAsync(request).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"PUT /admin/accounts/{name}").ConfigureAwait(false);
    }

    public async Task<RegisteredDevice> CreateDeviceAsync(string model, string account)
    {
        using var request = AdminRequest(HttpMethod.Post, $"{host.ApiUrl}/admin/devices", host.AdminToken);
        request.Content = JsonContent.Create(new DeviceBody(model, account));
        using var response = await host.ApiClient.SendAsync(request).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "POST /admin/devices").ConfigureAwait(false);
        var device = await response.Content.ReadFromJsonAsync<RegisteredDevice>().ConfigureAwait(false);
        return device is { DeviceId.Length: > 0, Fingerprint.Length: > 0 }
            ? device
            : throw new InvalidOperationException("POST /admin/devices answered without deviceId or fingerprint.");
    }

    private static HttpRequestMessage AdminRequest(HttpMethod method, string url, string adminToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"The service's admin API refused {what}: {(int)response.StatusCode} {response.ReasonPhrase}. {body}"
                + ((int)response.StatusCode is 401 or 404 ? " (Is the admin token right, FOTA_ADMIN_TOKEN in deployed mode?)" : string.Empty));
        }
    }

    private sealed record AccountBody(
        [property: JsonPropertyName("apiEndpoint")] string ApiEndpoint,
        [property: JsonPropertyName("apiKey")] string ApiKey);

    private sealed record DeviceBody(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("account")] string Account);
}

/// <summary>A device the admin API created.</summary>
public sealed record RegisteredDevice(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("account")] string? Account);
