using System.Globalization;
using System.Text.Json;

namespace Fota.Api.NrfCloud;

/// <summary>One firmware bundle as nRF Cloud lists it; only the fields the service uses, each as nRF Cloud gave it (or null).</summary>
public sealed record NrfCloudFirmware(string? BundleId, string? Version, string? Type, DateTimeOffset? LastModified);

public sealed partial class NrfCloudClient
{
    public const int FirmwarePageLimit = 100;

    /// <summary>Stops a listing that never ends (10 000 bundles; nRF Cloud accounts hold a few dozen).</summary>
    public const int MaxFirmwarePages = 100;

    /// <summary>
    /// <c>GET {endpoint}/v1/firmwares?pageLimit=100</c>, then again with <c>&amp;pageNextToken=…</c> until nRF Cloud gives no
    /// token: every page's items in nRF Cloud's order, or the first failure.
    /// </summary>
    public async Task<NrfCloudResult<IReadOnlyList<NrfCloudFirmware>>> ListFirmwaresAsync(
        NrfCloudAccount account, CancellationToken cancellationToken)
    {
        var items = new List<NrfCloudFirmware>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageNextToken = null;
        for (var page = 1; page <= MaxFirmwarePages; page++)
        {
            var path = $"v1/firmwares?pageLimit={FirmwarePageLimit}"
                + (pageNextToken is null ? "" : "&pageNextToken=" + Uri.EscapeDataString(pageNextToken));
            using var request = NewRequest(HttpMethod.Get, account, path);
            var result = await SendAsync(NrfCloudCalls.Idempotent, request, account, ParseFirmwarePage, "an items array", cancellationToken);
            if (!result.IsSuccess)
            {
                return NrfCloudResult<IReadOnlyList<NrfCloudFirmware>>.Failed(result.Failure);
            }

            items.AddRange(result.Value!.Items);
            pageNextToken = result.Value.PageNextToken;
            if (pageNextToken is null)
            {
                return NrfCloudResult<IReadOnlyList<NrfCloudFirmware>>.Success(items);
            }

            if (!tokens.Add(pageNextToken))
            {
                return NrfCloudResult<IReadOnlyList<NrfCloudFirmware>>.Failed(new NrfCloudFailure(
                    "nRF Cloud answered GET /v1/firmwares with a pageNextToken it had given before", null, OutcomeUnknown: false));
            }
        }

        return NrfCloudResult<IReadOnlyList<NrfCloudFirmware>>.Failed(new NrfCloudFailure(
            $"nRF Cloud answered GET /v1/firmwares with more than {MaxFirmwarePages} pages of {FirmwarePageLimit}", null, OutcomeUnknown: false));
    }

    private sealed record FirmwarePage(IReadOnlyList<NrfCloudFirmware> Items, string? PageNextToken);

    private static FirmwarePage? ParseFirmwarePage(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var firmwares = new List<NrfCloudFirmware>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                firmwares.Add(new NrfCloudFirmware(null, null, null, null));
                continue;
            }

            var lastModified = DateTimeOffset.TryParse(
                StringProperty(item, "lastModified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
            firmwares.Add(new NrfCloudFirmware(
                NullIfEmpty(StringProperty(item, "bundleId")),
                NullIfEmpty(StringProperty(item, "version")),
                NullIfEmpty(StringProperty(item, "type")),
                lastModified));
        }

        return new FirmwarePage(firmwares, NullIfEmpty(StringProperty(root, "pageNextToken")));
    }
}
