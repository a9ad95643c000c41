namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// Where the suite opens WebSockets: <c>FOTA_WEBSOCKET_URL</c>, or by default the service's URL with <c>ws</c>/<c>wss</c>
/// and <c>/ws</c> appended to its path (so a service behind a path prefix keeps it).
/// </summary>
public static class WebSocketUrls
{
    public const string Variable = "FOTA_WEBSOCKET_URL";

    public static Uri FromEnvironment(Uri apiUrl, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var url) && (url.Scheme == "ws" || url.Scheme == "wss")
                ? url
                : throw new InvalidOperationException($"{Variable} must be an absolute ws(s) URL, was '{configured}'.");
        }

        return Derive(apiUrl);
    }

    public static Uri Derive(Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        var builder = new UriBuilder(apiUrl)
        {
            Scheme = apiUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Port = apiUrl.IsDefaultPort ? -1 : apiUrl.Port,
            Query = string.Empty,
        };
        builder.Path = builder.Path.TrimEnd('/') + "/ws";
        return builder.Uri;
    }

    /// <summary>The URL of one connection: <paramref name="endpoint"/> with <c>?fingerprint=…</c>.</summary>
    public static Uri ForFingerprint(Uri endpoint, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new UriBuilder(endpoint) { Query = "fingerprint=" + Uri.EscapeDataString(fingerprint) }.Uri;
    }
}
