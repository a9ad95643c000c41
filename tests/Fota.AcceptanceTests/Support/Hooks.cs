using System.Diagnostics;
using System.Globalization;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;
using Reqnroll.BoDi;

namespace Fota.AcceptanceTests.Support;

[Binding]
public sealed class Hooks
{
    /// <summary>When set, each scenario appends "title, milliseconds, host start milliseconds" to this file (bench/suite).</summary>
    public const string TimingLogVariable = "FOTA_SUITE_TIMING_LOG";

    private static readonly Lock TimingLogLock = new();

    /// <summary>
    /// Puts the host of this scenario into the scenario's container (drivers take <see cref="IFotaHost"/>), and gives
    /// the scenario the variables <c>APIURL</c> (the service's base URL), <c>adminToken</c> (its admin API's token)
    /// and <c>nrfCloudApiEndpoint</c> (the apiEndpoint that reaches the mock).
    /// </summary>
    [BeforeScenario(Order = 0)]
    public static async Task ProvideHost(
        IObjectContainer container, ScenarioVariables variables, ScenarioTiming timing, ScenarioClient client, IReqnrollOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(timing);
        var started = Stopwatch.GetTimestamp();
        var host = await FotaHosts.CurrentAsync();
        timing.HostWait = Stopwatch.GetElapsedTime(started);
        container.RegisterInstanceAs(host);
        variables.Set("APIURL", host.ApiUrl);
        variables.Set("adminToken", host.AdminToken);
        variables.Set("nrfCloudApiEndpoint", host.AccountApiEndpoint.ToString().TrimEnd('/'));
        variables.Set("clientAddress", client.Address);
        variables.Set("otherClientAddress", client.OtherAddress);

        // Each ${…} a step resolves becomes a log line under the step in the living documentation.
        variables.Resolved = output.WriteLine;
    }

    /// <summary>Leaves nothing of this scenario in the (possibly shared) mock.</summary>
    [AfterScenario(Order = 0)]
    public static Task ForgetMockState(NrfCloudMockDriver mock)
    {
        ArgumentNullException.ThrowIfNull(mock);
        return mock.CleanUpAsync();
    }

    [AfterScenario(Order = 1000)]
    public static void RecordTiming(ScenarioContext scenario, ScenarioTiming timing)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(timing);
        if (Environment.GetEnvironmentVariable(TimingLogVariable) is not { Length: > 0 } file)
        {
            return;
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{scenario.ScenarioInfo.Title}\t{Stopwatch.GetElapsedTime(timing.Started).TotalMilliseconds:0.0}\t{timing.HostWait.TotalMilliseconds:0.0}{Environment.NewLine}");
        lock (TimingLogLock)
        {
            File.AppendAllText(file, line);
        }
    }

    [AfterTestRun]
    public static Task StopHost() => FotaHosts.DisposeSharedAsync();
}

/// <summary>When the scenario started and how long it waited for the host (only the first scenario starts it).</summary>
public sealed class ScenarioTiming
{
    public long Started { get; } = Stopwatch.GetTimestamp();

    public TimeSpan HostWait { get; set; }
}
