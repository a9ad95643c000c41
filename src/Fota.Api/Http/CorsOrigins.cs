namespace Fota.Api.Http;

/// <summary>
/// The browser origins allowed by CORS (<c>Cors:AllowedOrigins</c>). An entry ending in <c>:*</c> allows any port
/// (or none) of that scheme and host, e.g. <c>http://localhost:*</c>.
/// </summary>
public sealed class CorsOrigins(IReadOnlyList<string> allowed)
{
    public static readonly string[] Defaults = ["https://hello.nrfcloud.com", "http://localhost:*", "https://localhost:*"];

    /// <summary>The origins of <c>Cors:AllowedOrigins</c>, or <see cref="Defaults"/> when none are configured.</summary>
    public static CorsOrigins FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
        return new CorsOrigins(configured is { Length: > 0 } ? configured : Defaults);
    }

    public bool IsAllowed(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var candidate))
        {
            return false;
        }

        foreach (var entry in allowed)
        {
            if (entry.EndsWith(":*", StringComparison.Ordinal))
            {
                if (Uri.TryCreate(entry[..^2], UriKind.Absolute, out var pattern)
                    && string.Equals(pattern.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(pattern.Host, candidate.Host, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(entry.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
