namespace Fota.Api.NrfCloud;

/// <summary>Section <c>NrfCloud</c>: accounts from configuration and how calls to nRF Cloud are bounded and retried.</summary>
public sealed class NrfCloudOptions
{
    public const string Section = "NrfCloud";
    public static readonly Uri DefaultApiEndpoint = new("https://api.nrfcloud.com");

    /// <summary><c>NrfCloud:Accounts:{name}:ApiEndpoint|ApiKey</c>; the database's accounts win over these.</summary>
    public Dictionary<string, NrfCloudAccountOptions> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Time limit of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of one call including every retry and the waits between them.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 5xx, 408, 429, connection errors and attempt timeouts (0 = none).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First wait between attempts; doubles each retry (with jitter). A Retry-After header replaces it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class NrfCloudAccountOptions
{
    public Uri? ApiEndpoint { get; set; }

    public string? ApiKey { get; set; }
}
