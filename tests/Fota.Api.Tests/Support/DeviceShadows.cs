using System.Text.Json.Nodes;

namespace Fota.Api.Tests.Support;

/// <summary>nRF Cloud's device list answers (SPEC §3.5) as the service reads them, for the mock's queue and the fake alike.</summary>
public static class DeviceShadows
{
    public const string Route = "GET /v1/devices";

    /// <summary>One device's item, as the seed's shadow: versions, FOTA types and their timestamps (seconds).</summary>
    public static JsonObject Item(
        string deviceId, string appVersion = "2.0.0", string modemFirmware = "mfw_nrf91x1_2.0.1", string[]? fotaTypes = null, long timestamp = 1716801888, int version = 8835) =>
        new()
        {
            ["id"] = deviceId,
            ["$meta"] = new JsonObject { ["createdAt"] = "2024-06-06T15:44:00.000Z" },
            ["state"] = new JsonObject
            {
                ["reported"] = new JsonObject
                {
                    ["device"] = new JsonObject
                    {
                        ["deviceInfo"] = new JsonObject
                        {
                            ["appVersion"] = appVersion,
                            ["modemFirmware"] = modemFirmware,
                            ["imei"] = "355025930003908",
                            ["board"] = "thingy91x",
                            ["hwVer"] = "nRF9151 LACA ADA",
                        },
                        ["serviceInfo"] = new JsonObject { ["fota_v2"] = new JsonArray([.. (fotaTypes ?? ["BOOT", "MODEM", "APP"]).Select(t => (JsonNode)t)]) },
                    },
                },
                ["metadata"] = new JsonObject
                {
                    ["reported"] = new JsonObject
                    {
                        ["device"] = new JsonObject
                        {
                            ["deviceInfo"] = new JsonObject
                            {
                                ["appVersion"] = Stamp(timestamp),
                                ["modemFirmware"] = Stamp(timestamp - 5),
                                ["imei"] = Stamp(timestamp - 10),
                                ["board"] = Stamp(timestamp - 10),
                                ["hwVer"] = Stamp(timestamp - 10),
                            },
                            ["serviceInfo"] = new JsonObject
                            {
                                ["fota_v2"] = new JsonArray([.. (fotaTypes ?? ["BOOT", "MODEM", "APP"]).Select((_, i) => (JsonNode)Stamp(timestamp + 100 + i))]),
                            },
                        },
                    },
                },
                ["version"] = version,
            },
        };

    public static string Answer(params JsonObject[] items) =>
        new JsonObject { ["items"] = new JsonArray([.. items]), ["total"] = items.Length }.ToJsonString();

    /// <summary>The ids a device list call asked for (the <c>deviceIds</c> value of its query, comma-separated).</summary>
    public static IReadOnlyList<string> RequestedIds(string query) =>
        System.Web.HttpUtility.ParseQueryString(query)["deviceIds"]?.Split(',') ?? [];

    private static JsonObject Stamp(long seconds) => new() { ["timestamp"] = seconds };
}
