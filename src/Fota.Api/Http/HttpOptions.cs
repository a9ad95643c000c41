namespace Fota.Api.Http;

/// <summary>Section <c>Http</c>: how the service presents itself and whom it trusts and throttles.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>The service's public base URL, the OpenAPI document's only server; unset: <c>/</c> (where it was fetched from).</summary>
    public string? PublicUrl { get; set; }

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public RateLimitSettings RateLimit { get; set; } = new();
}

/// <summary>
/// Section <c>Http:ForwardedHeaders</c>: the proxies whose <c>X-Forwarded-For</c> names the client. Both empty: loopback
/// only (ASP.NET Core's default). Any other sender's header is ignored.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Trusted proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>Section <c>Http:RateLimit</c>: requests per client address to the device endpoints and <c>/ws</c>.</summary>
public sealed class RateLimitSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client address may make per <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
