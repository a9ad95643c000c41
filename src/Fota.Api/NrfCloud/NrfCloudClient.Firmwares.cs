using System.Globalization;
using System.Text.Json;

namespace Fota.Api.NrfCloud;

/// <summary>One firmware bundle as nRF Cloud lists it; only the fields the service uses, each as nRF Cloud gave it (or null).</summary>
public sealed record NrfCloudFirmware(string? BundleId, string? Version, string? Type, DateTimeOffset? LastModified);

public sealed partial class NrfCloudClient
{
    /// <summary>
    /// <c>GET {endpoint}/v1/firmwares?pageLimit=100</c>, then again with <c>&amp;pageNextToken=…</c> until nRF Cloud gives no
    /// token: every page's items in nRF Cloud's order, or the first failure.
    /// </summary>
    public Task<NrfCloudResult<IReadOnlyList<NrfCloudFirmware>>> ListFirmwaresAsync(
        NrfCloudAccount account, CancellationToken cancellationToken) =>
        ListPagesAsync(account, "v1/firmwares", ParseFirmware, cancellationToken);

    /// <summary>Every item is kept, an unusable one with nulls: the bundles endpoint decides what it shows.</summary>
    private static NrfCloudFirmware ParseFirmware(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new NrfCloudFirmware(null, null, null, null);
        }

        var lastModified = DateTimeOffset.TryParse(
            StringProperty(item, "lastModified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : (DateTimeOffset?)null;
        return new NrfCloudFirmware(
            NullIfEmpty(StringProperty(item, "bundleId")),
            NullIfEmpty(StringProperty(item, "version")),
            NullIfEmpty(StringProperty(item, "type")),
            lastModified);
    }
}
