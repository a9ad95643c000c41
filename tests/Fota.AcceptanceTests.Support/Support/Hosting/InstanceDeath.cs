namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// The death of one in-process service instance, emulated: from the moment it dies, every call to its stores throws
/// (<see cref="DyingStores"/>), so it writes nothing more, gives no claim back and resolves nothing — as a killed process
/// leaves the database. It dies at once (<see cref="DieNow"/>) or right after the store call a <see cref="DeathMoment"/>
/// picks has returned (<see cref="DieAt"/>).
/// </summary>
public sealed class InstanceDeath
{
    private readonly TaskCompletionSource _died = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DeathMoment? _moment;

    public bool IsDead => _died.Task.IsCompleted;

    /// <summary>Completes when the instance has died.</summary>
    public Task Died => _died.Task;

    public void DieNow() => _died.TrySetResult();

    public void DieAt(DeathMoment moment) => Volatile.Write(ref _moment, moment);

    internal void ThrowIfDead(string operation)
    {
        if (IsDead)
        {
            throw new InvalidOperationException($"This service instance has died: {operation} does not reach the database.");
        }
    }

    internal void Returned(string operation, object? result)
    {
        if (Volatile.Read(ref _moment) is { } moment && moment(operation, result))
        {
            DieNow();
        }
    }
}

/// <summary>Whether the store call <c>operation</c> (the interface method's name), which returned <c>result</c>, is when the instance dies.</summary>
public delegate bool DeathMoment(string operation, object? result);
