using System.Diagnostics.CodeAnalysis;

namespace Fota.Api;

/// <summary>
/// A value or an error, always exactly one of the two: the service's one closed result shape. Each derived type fixes the
/// error vocabulary (<see cref="Jobs.FotaResult{T}"/>: <see cref="Jobs.FotaError"/>; <see cref="NrfCloud.NrfCloudResult{T}"/>:
/// <see cref="NrfCloud.NrfCloudFailure"/>) and is the only way to make one.
/// </summary>
public abstract class Result<T, TError>
    where T : class
    where TError : class
{
    private protected Result(T? value, TError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public TError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;
}
