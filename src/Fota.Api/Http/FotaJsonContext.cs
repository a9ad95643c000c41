using System.Text.Json;
using System.Text.Json.Serialization;
using Fota.Api.Devices;
using Fota.Api.Jobs;
using Fota.Api.Jobs.Bundles;

namespace Fota.Api.Http;

/// <summary>Source-generated JSON for the service's own response types (fast, no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FotaJobExecution))]
[JsonSerializable(typeof(FotaJobExecutions))]
[JsonSerializable(typeof(FotaBundles))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(DeviceResponse))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class FotaJsonContext : JsonSerializerContext;
