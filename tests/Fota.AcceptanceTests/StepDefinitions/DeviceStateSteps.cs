using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

/// <summary>SPEC 5.3's shadow step: a device's state as nRF Cloud's device list call (§3.5) answers it.</summary>
[Binding]
public sealed class DeviceStateSteps(NrfCloudMockDriver mock, ScenarioVariables variables)
{
    /// <summary>
    /// Queues the doc string (nRF Cloud's device list answer), kept, for every <c>GET /v1/devices</c> whose <c>deviceIds</c>
    /// list holds the device, on this scenario's accounts; a later one replaces it (the mock's newest kept answer wins, SPEC 4).
    /// </summary>
    [StepDefinition(@"^there is this device shadow data for `([^`]+)` in nRF\s+Cloud$")]
    public Task ShadowData(string deviceId, string json)
    {
        var body = variables.SubstituteJson(json);
        try
        {
            body = JsonNode.Parse(body)!.ToJsonString();
        }
        catch (JsonException e)
        {
            throw new FormatException($"The device shadow data is not valid JSON after substitution ({e.Message}):{Environment.NewLine}{body}", e);
        }

        return mock.QueueAsync(DeviceListRequest(variables.Substitute(deviceId)), $"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{body}", keep: true);
    }

    /// <summary>The queue key of §3.5's call for one device: its id anywhere in the comma-separated <c>deviceIds</c> (a <c>/regex/</c> value, SPEC 4).</summary>
    public static string DeviceListRequest(string deviceId) => $"GET /v1/devices?deviceIds=/(^|,){Regex.Escape(deviceId)}(,|$)/";
}
