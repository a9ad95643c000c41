using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fota.Api.Notifications;

/// <summary>The first message on a WebSocket: which device it belongs to (<c>https://github.com/hello-nrfcloud/proto/deviceIdentity</c>).</summary>
public sealed record DeviceIdentity([property: JsonPropertyName("@context")] string Context, string Id, string Model)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/deviceIdentity";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeviceIdentity))]
internal sealed partial class NotificationsJsonContext : JsonSerializerContext;
