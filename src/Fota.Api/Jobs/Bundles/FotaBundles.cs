using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Fota.Api.Jobs.Bundles;

/// <summary>One firmware bundle as the protocol shows it (<c>https://github.com/hello-nrfcloud/proto/fota/bundle</c>).</summary>
[ImmutableObject(true)] // lets HybridCache hand out the cached instance instead of a copy
public sealed record FotaBundle(
    [property: JsonPropertyName("@context")] string Context,
    string BundleId,
    string Version,
    string Type)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/fota/bundle";
}

/// <summary>The bundles a device can be updated with (<c>https://github.com/hello-nrfcloud/proto/fota/bundles</c>).</summary>
public sealed record FotaBundles(
    [property: JsonPropertyName("@context")] string Context,
    string DeviceId,
    IReadOnlyList<FotaBundle> Bundles)
{
    public const string ContextUrl = "https://github.com/hello-nrfcloud/proto/fota/bundles";
}
