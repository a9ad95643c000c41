using System.Globalization;
using System.Text.Json;

namespace Fota.Api.NrfCloud;

/// <summary>
/// One FOTA job as nRF Cloud lists it (SPEC §3.1); only the fields reconciliation uses. <see cref="CreatedAt"/> is null
/// when nRF Cloud's value is missing or not a time; such an item never matches an intent.
/// </summary>
public sealed record NrfCloudListedJob(string JobId, DateTimeOffset? CreatedAt, string? BundleId, IReadOnlyList<string> DeviceIds, string? Status);

public sealed partial class NrfCloudClient
{
    /// <summary><c>GET {endpoint}/v1/fota-jobs?pageLimit=100</c>, following <c>pageNextToken</c>: every job of the account.</summary>
    public Task<NrfCloudResult<IReadOnlyList<NrfCloudListedJob>>> ListFotaJobsAsync(NrfCloudAccount account, CancellationToken cancellationToken) =>
        ListPagesAsync(account, "v1/fota-jobs", ParseListedJob, cancellationToken);

    /// <summary>An item without a <c>jobId</c> string is skipped: it cannot be adopted.</summary>
    private static NrfCloudListedJob? ParseListedJob(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || NullIfEmpty(StringProperty(item, "jobId")) is not { } jobId)
        {
            return null;
        }

        var createdAt = DateTimeOffset.TryParse(
            StringProperty(item, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : (DateTimeOffset?)null;
        string? bundleId = null;
        if (item.TryGetProperty("firmware", out var firmware) && firmware.ValueKind == JsonValueKind.Object)
        {
            bundleId = NullIfEmpty(StringProperty(firmware, "bundleId"));
        }

        var deviceIds = new List<string>();
        if (item.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Object
            && target.TryGetProperty("deviceIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            deviceIds.AddRange(ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!));
        }

        return new NrfCloudListedJob(jobId, createdAt, bundleId, deviceIds, NullIfEmpty(StringProperty(item, "status")));
    }
}
