using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fota.Api.Devices;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests.Support;

/// <summary>The bundles list and the cancel as a web application calls them, and nRF Cloud's firmware listing.</summary>
public static class BundleAndCancelApi
{
    public static string BundlesPath(DeviceResponse device, string? fingerprint = null) =>
        $"/device/{Uri.EscapeDataString(device.DeviceId)}/fota/bundles?fingerprint={Uri.EscapeDataString(fingerprint ?? device.Fingerprint)}";

    public static string CancelPath(DeviceResponse device, string jobId, string? fingerprint = null) =>
        $"/device/{Uri.EscapeDataString(device.DeviceId)}/fota/jobs/{Uri.EscapeDataString(jobId)}?fingerprint={Uri.EscapeDataString(fingerprint ?? device.Fingerprint)}";

    public static Task<HttpResponseMessage> GetBundlesAsync(this HttpClient client, DeviceResponse device) =>
        client.GetAsync(BundlesPath(device), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, DeviceResponse device, string jobId) =>
        client.DeleteAsync(CancelPath(device, jobId), TestContext.Current.CancellationToken);

    /// <summary>A page of nRF Cloud's <c>GET /v1/firmwares</c>: items of (bundleId, lastModified or null), version and type taken from the id.</summary>
    public static string FirmwarePage(IEnumerable<(string BundleId, string? LastModified)> items, string? pageNextToken = null)
    {
        var array = new JsonArray();
        foreach (var (bundleId, lastModified) in items)
        {
            var item = new JsonObject
            {
                ["bundleId"] = bundleId,
                ["size"] = 425860,
                ["version"] = bundleId.Split('*')[^1],
                ["type"] = bundleId.Split('*')[0],
                ["filenames"] = new JsonArray("hello-nrfcloud-thingy91x-fwupd.bin"),
                ["name"] = $"hello.nrfcloud.com {bundleId}",
            };
            if (lastModified is not null)
            {
                item["lastModified"] = lastModified;
            }

            array.Add(item);
        }

        var page = new JsonObject { ["items"] = array, ["total"] = array.Count };
        if (pageNextToken is not null)
        {
            page["pageNextToken"] = pageNextToken;
        }

        return page.ToJsonString();
    }

    public const string FirmwaresRoute = "GET /v1/firmwares";

    /// <summary>The mock nRF Cloud lists <paramref name="json"/> for every <c>GET /v1/firmwares</c> with <paramref name="apiKey"/>
    /// (and <paramref name="query"/>, e.g. "?pageNextToken=/./"), until a later listing replaces it.</summary>
    public static Task ListFirmwaresAsync(this FotaApiFactory api, string apiKey, string json, string query = "") =>
        api.Mock.QueueAsync(apiKey, FirmwaresRoute + query, HttpStatusCode.OK, json, keep: true);

    /// <summary>The firmware listings the mock recorded for <paramref name="apiKey"/>, oldest first.</summary>
    public static Task<IReadOnlyList<RecordedRequest>> FirmwareCallsAsync(this FotaApiFactory api, string apiKey) =>
        api.Mock.CallsAsync(apiKey, "GET", "/v1/firmwares");

    public static IEnumerable<string> BundleIds(this JsonNode body) =>
        body["bundles"]!.AsArray().Select(b => b!["bundleId"]!.GetValue<string>());
}

/// <summary>Accounts of their own, so tests sharing one service never share an account's cached bundle list.</summary>
public static class OwnAccounts
{
    /// <summary>Creates (or, given its name, updates) an account pointing at the service's nRF Cloud (mock or fake); returns its name.</summary>
    public static async Task<string> PutAccountAsync(this FotaApiFactory api, string apiKey, string? name = null)
    {
        name ??= $"acct-{Guid.NewGuid():N}";
        using var admin = api.CreateAdminClient();
        var response = await admin.PutAsJsonAsync($"/admin/accounts/{name}", new { apiEndpoint = api.NrfCloudEndpoint, apiKey });
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return name;
    }

    public static async Task<DeviceResponse> RegisterDeviceInAsync(this FotaApiFactory api, string account)
    {
        using var admin = api.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<DeviceResponse>())!;
    }

    /// <summary>A device in a new account with a new key (the key partitions nRF Cloud's calls).</summary>
    public static async Task<(DeviceResponse Device, string ApiKey)> RegisterDeviceInOwnAccountAsync(this FotaApiFactory api)
    {
        var apiKey = $"key-{Guid.NewGuid():N}";
        return (await api.RegisterDeviceInAsync(await api.PutAccountAsync(apiKey)), apiKey);
    }
}
