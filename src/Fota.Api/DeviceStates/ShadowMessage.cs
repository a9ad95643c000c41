using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Fota.Api.DeviceStates;

/// <summary>
/// The device's state as the WebSocket sends it (SPEC §2.11, <c>https://github.com/hello-nrfcloud/proto/shadow</c>): LwM2M
/// object instances converted from nRF Cloud's shadow. Serialized by <see cref="Serialize"/> only, so the stored copy, the
/// change event and the message on connect are the same text.
/// </summary>
public sealed record ShadowMessage(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("reported")] IReadOnlyList<LwM2MObjectInstance> Reported,
    [property: JsonPropertyName("desired")] IReadOnlyList<LwM2MObjectInstance> Desired)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/shadow";

    /// <summary>How every serialized shadow message starts (the context comes first): tells state messages from others.</summary>
    public const string SerializedPrefix = "{\"@context\":\"" + ContextUrl + "\"";

    public static bool IsShadowMessage(string payload) => payload.StartsWith(SerializedPrefix, StringComparison.Ordinal);

    public string Serialize() => JsonSerializer.Serialize(this, ShadowJsonContext.Default.ShadowMessage);
}

/// <summary>One LwM2M object instance; resources by id (<c>"0"</c>, <c>"99"</c>, …).</summary>
public sealed record LwM2MObjectInstance(
    [property: JsonPropertyName("ObjectID")] int ObjectId,
    [property: JsonPropertyName("ObjectVersion")] string ObjectVersion,
    [property: JsonPropertyName("ObjectInstanceID")] int ObjectInstanceId,
    [property: JsonPropertyName("Resources")] IReadOnlyDictionary<string, JsonNode> Resources);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ShadowMessage))]
internal sealed partial class ShadowJsonContext : JsonSerializerContext;
