using System.Diagnostics.CodeAnalysis;

namespace Fota.Api.NrfCloud;

/// <summary>
/// Why an nRF Cloud call failed. <see cref="Detail"/> names nRF Cloud, the operation and the status (never nRF Cloud's
/// body or headers). <see cref="OutcomeUnknown"/>: the request may have reached nRF Cloud and been processed
/// (timeout, connection lost after sending, 5xx), so a create may have made a job.
/// </summary>
public sealed record NrfCloudFailure(string Detail, int? StatusCode, bool OutcomeUnknown);

/// <summary>
/// The outcome of one nRF Cloud call: a value, or a <see cref="NrfCloudFailure"/>. Closed: only <see cref="Success"/> and
/// <see cref="Failed"/> make one, so it always holds exactly one of the two.
/// </summary>
public sealed class NrfCloudResult<T>
    where T : class
{
    private NrfCloudResult(T? value, NrfCloudFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public NrfCloudFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

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
