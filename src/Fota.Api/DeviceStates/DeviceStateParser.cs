using System.Text.Json;
using System.Text.Json.Nodes;
using Semver;

namespace Fota.Api.DeviceStates;

/// <summary>
/// Reads nRF Cloud's shadow (SPEC §3.5, §2.11): <c>state.reported.device</c> for the versions and FOTA types the service
/// uses (<see cref="DeviceState"/>), and with <c>state.metadata.reported.device</c>'s timestamps the state message
/// (<see cref="ShadowMessage"/>). Anything missing or of another type is left out, never an error.
/// </summary>
public static class DeviceStateParser
{
    public const int ServiceInfoObject = 14401;
    public const int DeviceInfoObject = 14204;

    /// <summary>deviceInfo's fields and their resource ids in object 14204, in resource order.</summary>
    private static readonly (string Field, string Resource)[] DeviceInfoResources =
        [("imei", "0"), ("modemFirmware", "2"), ("appVersion", "3"), ("board", "4")];

    /// <summary>The service's view of the device from its <c>state.reported</c> JSON.</summary>
    public static DeviceState Parse(string deviceId, string reportedJson)
    {
        using var reported = JsonDocument.Parse(reportedJson);
        var device = Child(reported.RootElement, "device");
        var deviceInfo = Child(device, "deviceInfo");
        var fotaTypes = FotaTypes(device);
        var modemFirmware = StringOf(deviceInfo, "modemFirmware");
        var modemVersion = modemFirmware is null ? null : modemFirmware[(modemFirmware.LastIndexOf('_') + 1)..];
        return new DeviceState(
            deviceId,
            NormaliseVersion(StringOf(deviceInfo, "appVersion")),
            NormaliseVersion(modemVersion),
            SupportedTargets(fotaTypes),
            fotaTypes);
    }

    /// <summary><c>major.minor.patch</c> of a version as a device reports it (<c>v2.0.1</c>, <c>2.0</c>, <c>2.0.1-rc1</c>); null when it is none.</summary>
    public static string? NormaliseVersion(string? version) =>
        version is not null && SemVersion.TryParse(version.Trim(), SemVersionStyles.Any, out var parsed)
            ? $"{parsed.Major}.{parsed.Minor}.{parsed.Patch}"
            : null;

    /// <summary><c>APP</c> → app; <c>MODEM</c> and <c>MDM_FULL</c> → modem; other types (<c>BOOT</c>, …) support no target here.</summary>
    public static IReadOnlySet<FotaTarget> SupportedTargets(IEnumerable<string> fotaTypes)
    {
        var targets = new HashSet<FotaTarget>();
        foreach (var type in fotaTypes)
        {
            switch (type)
            {
                case "APP":
                    targets.Add(FotaTarget.App);
                    break;
                case "MODEM" or "MDM_FULL":
                    targets.Add(FotaTarget.Modem);
                    break;
            }
        }

        return targets;
    }

    /// <summary>The state message: object 14401 when <c>serviceInfo.fota_v2</c> is reported, 14204 when any deviceInfo field is.</summary>
    public static ShadowMessage ToShadowMessage(string reportedJson, string? metadataReportedJson)
    {
        using var reported = JsonDocument.Parse(reportedJson);
        using var metadata = JsonDocument.Parse(metadataReportedJson ?? "{}");
        var device = Child(reported.RootElement, "device");
        var deviceMeta = Child(metadata.RootElement, "device");
        var objects = new List<LwM2MObjectInstance>();

        if (Child(Child(device, "serviceInfo"), "fota_v2") is { ValueKind: JsonValueKind.Array } fotaV2)
        {
            var resources = new Dictionary<string, JsonNode> { ["0"] = JsonNode.Parse(fotaV2.GetRawText())! };
            var metaList = Child(Child(deviceMeta, "serviceInfo"), "fota_v2");
            if (metaList.ValueKind == JsonValueKind.Array && metaList.GetArrayLength() > 0 && TimestampOf(metaList[0]) is { } timestamp)
            {
                resources["99"] = timestamp;
            }

            objects.Add(new LwM2MObjectInstance(ServiceInfoObject, "1.0", 0, resources));
        }

        var deviceInfo = Child(device, "deviceInfo");
        var deviceInfoMeta = Child(deviceMeta, "deviceInfo");
        var info = new Dictionary<string, JsonNode>();
        long? newest = null;
        foreach (var (field, resource) in DeviceInfoResources)
        {
            if (StringOf(deviceInfo, field) is not { Length: > 0 } value)
            {
                continue;
            }

            info[resource] = value;
            if (TimestampOf(Child(deviceInfoMeta, field)) is { } timestamp && (newest is null || timestamp > newest))
            {
                newest = timestamp;
            }
        }

        if (info.Count > 0)
        {
            if (newest is { } timestamp)
            {
                info["99"] = timestamp;
            }

            objects.Add(new LwM2MObjectInstance(DeviceInfoObject, "1.0", 0, info));
        }

        return new ShadowMessage(ShadowMessage.ContextUrl, objects, []);
    }

    private static IReadOnlyList<string> FotaTypes(JsonElement device) =>
        Child(Child(device, "serviceInfo"), "fota_v2") is { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    /// <summary>A metadata entry's <c>timestamp</c> in whole seconds, as nRF Cloud gives it.</summary>
    private static long? TimestampOf(JsonElement meta) =>
        Child(meta, "timestamp") is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var seconds) && double.IsFinite(seconds)
            ? (long)Math.Floor(seconds)
            : null;

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string? StringOf(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
