namespace Fota.Api.NrfCloud;

/// <summary>
/// Why an nRF Cloud call failed. <see cref="Detail"/> names nRF Cloud, the operation and the status (never nRF Cloud's
/// body or headers). <see cref="OutcomeUnknown"/>: the request may have reached nRF Cloud and been processed
/// (timeout, connection lost after sending, 5xx), so a create may have made a job.
/// </summary>
public sealed record NrfCloudFailure(string Detail, int? StatusCode, bool OutcomeUnknown);

/// <summary>The outcome of one nRF Cloud call: a value, or a <see cref="NrfCloudFailure"/>.</summary>
public sealed class NrfCloudResult<T> : Result<T, NrfCloudFailure>
    where T : class
{
    private NrfCloudResult(T? value, NrfCloudFailure? failure)
        : base(value, failure)
    {
    }

    public static NrfCloudResult<T> Success(T value) => new(value, null);

    public static NrfCloudResult<T> Failed(NrfCloudFailure failure) => new(null, failure);
}

/// <summary>What the service uses of nRF Cloud's FOTA job; other fields are ignored.</summary>
public sealed record NrfCloudFotaJob(
    string JobId,
    string Status,
    string CreatedAt,
    string? StatusDetail,
    string? LastUpdatedAt,
    string? FirmwareVersion);
