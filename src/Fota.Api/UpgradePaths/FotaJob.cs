using System.Text.Json;
using System.Text.Json.Serialization;
using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>An upgrade-path job as the protocol shows it (<c>https://github.com/hello-nrfcloud/proto/fota/job</c>).</summary>
public sealed record FotaJob(
    [property: JsonPropertyName("@context")] string Context,
    string Id,
    string DeviceId,
    OrderedDictionary<string, string> UpgradePath,
    string Timestamp,
    string Status,
    string StatusDetail,
    string ReportedVersion)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/fota/job";

    public static FotaJob From(StoredUpgradePathJob job) => new(
        ContextUrl,
        job.JobId,
        job.DeviceId,
        UpgradePaths.UpgradePath.Deserialize(job.UpgradePath).Entries,
        job.Timestamp,
        job.Status,
        job.StatusDetail,
        job.ReportedVersion);
}

/// <summary>The most recent upgrade-path jobs of a device (<c>https://github.com/hello-nrfcloud/proto/fota/jobs</c>).</summary>
public sealed record FotaJobs([property: JsonPropertyName("@context")] string Context, string DeviceId, IReadOnlyList<FotaJob> Jobs)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/fota/jobs";
}

/// <summary>The body of <c>POST /v2/device/{deviceId}/fota/{target}</c> (documented in OpenAPI; read by the device filter).</summary>
public sealed record ScheduleUpgradePathRequest(OrderedDictionary<string, string> UpgradePath)
{
    /// <summary>The path as read and validated.</summary>
    [JsonIgnore]
    public UpgradePaths.UpgradePath Parsed { get; init; } = null!;
}

/// <summary>A change event of an upgrade-path job carries the job exactly as clients receive it over the WebSocket (§2.11).</summary>
public sealed class FotaJobPayload : IUpgradePathPayload
{
    public string Serialize(StoredUpgradePathJob job) => JsonSerializer.Serialize(FotaJob.From(job), UpgradePathJsonContext.Default.FotaJob);
}

/// <summary>Source-generated JSON for the /v2 types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FotaJob))]
[JsonSerializable(typeof(FotaJobs))]
[JsonSerializable(typeof(OrderedDictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class UpgradePathJsonContext : JsonSerializerContext;
