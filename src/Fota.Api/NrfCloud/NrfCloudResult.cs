namespace Fota.Api.NrfCloud;

/// <summary>The outcome of one nRF Cloud call: a value, or an error that names nRF Cloud and what went wrong.</summary>
public sealed record NrfCloudResult<T>(T? Value, string? Error, int? StatusCode)
    where T : class
{
    public bool IsSuccess => Value is not null;

    public static NrfCloudResult<T> Success(T value) => new(value, null, null);

    public static NrfCloudResult<T> Failure(string error, int? statusCode = null) => new(null, error, statusCode);
}

/// <summary>What the service uses of nRF Cloud's FOTA job; other fields are ignored.</summary>
public sealed record NrfCloudFotaJob(
    string JobId,
    string Status,
    string CreatedAt,
    string? StatusDetail,
    string? LastUpdatedAt,
    string? FirmwareVersion);
