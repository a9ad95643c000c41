namespace Fota.Api.Jobs;

/// <summary>Why a FOTA request is not served. <see cref="FotaProblems.From"/> turns each into its problem document.</summary>
public abstract record FotaError
{
    private FotaError()
    {
    }

    /// <summary>400: every failing field, each message naming it.</summary>
    public sealed record Invalid(IReadOnlyList<string> Errors) : FotaError;

    /// <summary>404: no device has this id.</summary>
    public sealed record UnknownDevice(string DeviceId) : FotaError;

    /// <summary>403: the device exists, the fingerprint is another's.</summary>
    public sealed record WrongFingerprint(string DeviceId) : FotaError;

    /// <summary>403: no device has this fingerprint (a request that names its device by the fingerprint alone).</summary>
    public sealed record UnknownFingerprint : FotaError;

    /// <summary>404: the device has no job with this id.</summary>
    public sealed record NoSuchJob(string DeviceId, string JobId) : FotaError;

    /// <summary>409: the job is final (possibly since a poll that ended while nRF Cloud was cancelling it).</summary>
    public sealed record AlreadyFinished(string JobId, string Status) : FotaError;

    /// <summary>409: an identical schedule (same device, same bundle) is still being created, or its outcome reconciled.</summary>
    public sealed record AlreadyScheduling(string DeviceId, string BundleId, string IntentId) : FotaError;

    /// <summary>409: a job of the same device and bundle has not ended (one running job per device and bundle).</summary>
    public sealed record JobRunning(string DeviceId, string BundleId, string JobId) : FotaError;

    /// <summary>400: the device's state says it cannot take FOTA at all (<see cref="Detail"/> says why, SPEC §2.10).</summary>
    public sealed record NotEligible(string Detail) : FotaError;

    /// <summary>400: the device cannot take the upgrade path's target (<see cref="Detail"/> says why, SPEC §2.10).</summary>
    public sealed record InvalidUpgradePath(string Detail) : FotaError;

    /// <summary>409: the device has an upgrade-path job for <see cref="Target"/> that is not final.</summary>
    public sealed record UpgradePathJobExists(string DeviceId, string Target) : FotaError;

    /// <summary>500: the nRF Cloud account of the device (or of the job) is not configured, so nRF Cloud was not called.</summary>
    public sealed record AccountNotConfigured(string Account, string Owner) : FotaError;

    /// <summary>500: nRF Cloud certainly made no job, or failed another call (it refused, or was never reached).</summary>
    public sealed record NrfCloudFailed(string Detail) : FotaError;

    /// <summary>500: nRF Cloud may have made a job; the service keeps the intent for reconciliation.</summary>
    public sealed record OutcomeUnknown(string Detail, string IntentId) : FotaError;
}

/// <summary>A value, or the <see cref="FotaError"/> that stops the request: the result of the FOTA request path.</summary>
public sealed class FotaResult<T> : Result<T, FotaError>
    where T : class
{
    private FotaResult(T? value, FotaError? error)
        : base(value, error)
    {
    }

    public static implicit operator FotaResult<T>(T value) => new(value, null);

    /// <summary>The value as a result (for interface types, which cannot convert implicitly).</summary>
    public static FotaResult<T> Success(T value) => new(value, null);

    public static implicit operator FotaResult<T>(FotaError error) => new(null, error);
}
