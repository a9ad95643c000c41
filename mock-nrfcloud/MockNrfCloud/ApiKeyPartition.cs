namespace MockNrfCloud;

/// <summary>
/// Queues and journal are partitioned by the bearer API key of the nRF Cloud request.
/// Requests without "Authorization: Bearer &lt;key&gt;" belong to the partition named <see cref="Anonymous"/>
/// (queue for it with apiKey "anonymous").
/// </summary>
public static class ApiKeyPartition
{
    public const string Anonymous = "anonymous";

    /// <summary>The partition of a request with this Authorization header value.</summary>
    public static string FromAuthorization(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Anonymous;
        }

        var key = authorization[7..].Trim();
        return key.Length == 0 ? Anonymous : key;
    }

    /// <summary>The key as shown in diagnostics: all but the last 4 characters replaced by '*'.</summary>
    public static string Mask(string apiKey) =>
        apiKey == Anonymous || apiKey.Length <= 4 ? apiKey : new string('*', apiKey.Length - 4) + apiKey[^4..];
}
