using System.Diagnostics;
using Fota.AcceptanceTests.Support;
using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>Restarts the scenario's own service, or lets an instance of it die and starts another (<c>@own-instances</c>).</summary>
public sealed class ServiceInstancesDriver(IFotaHost host, IReqnrollOutputHelper output)
{
    public async Task RestartAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await Own.RestartAsync().ConfigureAwait(false);
        output.WriteLine($"A new instance took over and the old one stopped in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms.");
    }

    /// <summary>A restart whose new instance (and every later one) runs with <paramref name="changes"/> over the settings so far.</summary>
    public async Task RestartWithAsync(IReadOnlyDictionary<string, string> changes)
    {
        var started = Stopwatch.GetTimestamp();
        await Own.RestartWithAsync(changes).ConfigureAwait(false);
        output.WriteLine(
            $"A new instance with {string.Join(", ", changes.Select(change => $"{change.Key} = {change.Value}"))} took over and the old one stopped in "
            + $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms.");
    }

    /// <summary>An instance with <paramref name="key"/> set to <paramref name="value"/> must refuse to start, its error naming the key.</summary>
    public async Task ExpectRefusedStartAsync(string key, string value)
    {
        var refused = await Own.TryStartWithAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value }).ConfigureAwait(false)
            ?? throw new StepFailedException($"The Fota service started with {key} = {value}; it should have refused to.");
        var reasons = string.Join(" ", Messages(refused));
        output.WriteLine($"The start was refused: {reasons}");
        if (!reasons.Contains(key, StringComparison.Ordinal))
        {
            throw new StepFailedException($"The Fota service refused to start with {key} = {value}, but its error does not name {key}: {reasons}");
        }

        static IEnumerable<string> Messages(Exception? exception)
        {
            for (; exception is not null; exception = exception.InnerException)
            {
                yield return exception.Message;
            }
        }
    }

    public void FailNext(Type store, string operation) => Own.FailNext(store, operation);

    public void DieAt(DeathMoment moment) => Own.DieAt(moment);

    /// <summary>Waits for the death the scenario chose (a "soon" budget), then starts another instance on the same database.</summary>
    public async Task ReplaceDeadInstanceAsync()
    {
        var started = Stopwatch.GetTimestamp();
        if (!await Own.ReplaceDeadInstanceAsync(host.Retry.Budget).ConfigureAwait(false))
        {
            throw new StepFailedException(
                $"The Fota service did not die at the chosen moment within {host.Retry.Budget.TotalMilliseconds:0} ms: the flow never got there.");
        }

        output.WriteLine($"The instance had died; another one started on its database {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms later.");
    }

    private OwnInstancesHost Own => host as OwnInstancesHost
        ?? throw new StepFailedException("Only a scenario tagged @own-instances has a service of its own to restart or let die.");
}
