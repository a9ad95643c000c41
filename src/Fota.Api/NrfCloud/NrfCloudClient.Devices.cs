using System.Text.Json;

namespace Fota.Api.NrfCloud;

/// <summary>
/// One device of nRF Cloud's device list answer: its id and the raw JSON of <c>state.reported</c> and
/// <c>state.metadata.reported</c> (null when absent). The service reads them in <see cref="DeviceStates.DeviceStateParser"/>.
/// </summary>
public sealed record NrfCloudDeviceState(string Id, string ReportedJson, string? MetadataReportedJson);

public sealed partial class NrfCloudClient
{
    /// <summary>The most device ids one device list call asks for (nRF Cloud's page limit).</summary>
    public const int MaxDeviceIdsPerCall = PageLimit;

    /// <summary>
    /// <c>GET {endpoint}/v1/devices?includeState=true&amp;includeStateMeta=true&amp;pageLimit=100&amp;deviceIds=…</c>
    /// (<see cref="NrfCloudCalls.Idempotent"/>): the devices of the answer that carry an id, in nRF Cloud's order. A device
    /// missing from the answer is simply not in the list.
    /// </summary>
    public async Task<NrfCloudResult<IReadOnlyList<NrfCloudDeviceState>>> ListDeviceStatesAsync(
        NrfCloudAccount account, IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        if (deviceIds.Count is 0 or > MaxDeviceIdsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(deviceIds), deviceIds.Count, $"Between 1 and {MaxDeviceIdsPerCall} device ids per call.");
        }

        var ids = string.Join(',', deviceIds.Select(Uri.EscapeDataString));
        using var request = NewRequest(
            HttpMethod.Get, account, $"v1/devices?includeState=true&includeStateMeta=true&pageLimit={PageLimit}&deviceIds={ids}");
        return await SendAsync<IReadOnlyList<NrfCloudDeviceState>>(
            NrfCloudCalls.Idempotent,
            request,
            account,
            body => ParsePage(body, ParseDeviceState)?.Items,
            "an items array",
            cancellationToken);
    }

    private static NrfCloudDeviceState? ParseDeviceState(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || StringProperty(item, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var reported = "{}";
        string? metadata = null;
        if (item.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object)
        {
            if (state.TryGetProperty("reported", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                reported = value.GetRawText();
            }

            if (state.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("reported", out var metaReported) && metaReported.ValueKind == JsonValueKind.Object)
            {
                metadata = metaReported.GetRawText();
            }
        }

        return new NrfCloudDeviceState(id, reported, metadata);
    }
}
