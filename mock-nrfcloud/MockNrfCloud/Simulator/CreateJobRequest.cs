using System.Text.Json;

namespace MockNrfCloud.Simulator;

/// <summary>The create body: {"bundleId", "autoApply"?, "deviceIdentifiers": [ids]}.</summary>
internal sealed record CreateJobRequest(string BundleId, IReadOnlyList<string> DeviceIds)
{
    public static bool TryParse(string body, out CreateJobRequest request, out string problem)
    {
        request = null!;
        problem = string.Empty;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bundleId", out var bundle) || bundle.ValueKind != JsonValueKind.String || bundle.GetString() is not { Length: > 0 } bundleId)
            {
                problem = "bundleId is required: a string";
                return false;
            }

            if (!root.TryGetProperty("deviceIdentifiers", out var devices) || devices.ValueKind != JsonValueKind.Array || devices.GetArrayLength() == 0
                || devices.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(d.GetString())))
            {
                problem = "deviceIdentifiers is required: an array of one or more device ids";
                return false;
            }

            request = new CreateJobRequest(bundleId, devices.EnumerateArray().Select(d => d.GetString()!).Distinct(StringComparer.Ordinal).ToList());
            return true;
        }
        catch (JsonException e)
        {
            problem = $"The body is not JSON: {e.Message}";
            return false;
        }
    }
}
