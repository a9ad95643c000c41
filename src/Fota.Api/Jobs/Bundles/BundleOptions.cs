namespace Fota.Api.Jobs.Bundles;

/// <summary>Section <c>Fota:Bundles</c>.</summary>
public sealed class BundleOptions
{
    public const string Section = "Fota:Bundles";

    /// <summary>How long an account's successful bundle list is served from the cache; zero turns the cache off.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
