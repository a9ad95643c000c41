namespace Fota.Api.NrfCloud;

/// <summary>Where and as whom to call nRF Cloud. <see cref="ToString"/> never shows the key.</summary>
public sealed record NrfCloudAccount(string Name, Uri ApiEndpoint, string ApiKey)
{
    public override string ToString() => $"{Name} ({ApiEndpoint})";
}
