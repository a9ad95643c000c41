using System.Diagnostics.CodeAnalysis;

namespace Fota.Api.Fota;

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

    /// <summary>409: an identical schedule (same device, same bundle) is still being created, or its outcome reconciled.</summary>
    public sealed record AlreadyScheduling(string DeviceId, string BundleId, string IntentId) : FotaError;

    /// <summary>409: a job of the same device and bundle has not ended (one running job per device and bundle).</summary>
    public sealed record JobRunning(string DeviceId, string BundleId, string JobId) : FotaError;

    /// <summary>500: nRF Cloud certainly made no job (it refused, was never reached, or the account is missing).</summary>
    public sealed record NrfCloudFailed(string Detail) : FotaError;

    /// <summary>500: nRF Cloud may have made a job; the service keeps the intent for reconciliation.</summary>
    public sealed record OutcomeUnknown(string Detail, string IntentId) : FotaError;
}

/// <summary>
/// A value, or the <see cref="FotaError"/> that stops the request. The one result shape of the FOTA request path.
/// Only its two conversions make one, so it always holds exactly one of the two.
/// </summary>
public sealed class FotaResult<T>
    where T : class
{
    private FotaResult(T? value, FotaError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public FotaError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator FotaResult<T>(T value) => new(value, null);

    public static implicit operator FotaResult<T>(FotaError error) => new(null, error);

    /// <summary>Runs <paramref name="next"/> on the value; an error passes through.</summary>
    public async Task<FotaResult<TNext>> ThenAsync<TNext>(Func<T, Task<FotaResult<TNext>>> next)
        where TNext : class =>
        IsSuccess ? await next(Value) : Error;

    /// <summary>Maps the value with <paramref name="next"/>; an error passes through.</summary>
    public FotaResult<TNext> Then<TNext>(Func<T, FotaResult<TNext>> next)
        where TNext : class =>
        IsSuccess ? next(Value) : Error;
}

public static class FotaResultExtensions
{
    public static async Task<FotaResult<TNext>> ThenAsync<T, TNext>(this Task<FotaResult<T>> result, Func<T, Task<FotaResult<TNext>>> next)
        where T : class
        where TNext : class =>
        await (await result).ThenAsync(next);
}
