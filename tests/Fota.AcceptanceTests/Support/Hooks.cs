using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.FeatureRunner.Stories;
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
    /// Puts the host of this scenario (the shared one, or its own: <see cref="OwnInstancesHooks"/>) into the scenario's container (drivers take <see cref="IFotaHost"/>), and gives
    /// the scenario the variables <c>APIURL</c> (the service's base URL), <c>adminToken</c> (its admin API's token),
    /// <c>nrfCloudApiEndpoint</c> (the apiEndpoint that reaches the mock) and, when the environment has them,
    /// <c>configuredNrfCloudAccount</c>, <c>pollerFirstRetryDelayMs</c> and <c>upgradePathIntervalMs</c>; then those of the feature's folder
    /// (<see cref="FolderVariables"/>).
    /// </summary>
    [BeforeScenario(Order = 0)]
    public static async Task ProvideHost(
        IObjectContainer container, ScenarioVariables variables, ScenarioTiming timing, ScenarioClient client, IReqnrollOutputHelper output, FeatureContext feature, ScenarioContext scenario)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(timing);
        var started = Stopwatch.GetTimestamp();
        var host = await OwnInstancesHooks.HostForAsync(scenario.ScenarioInfo, container);
        timing.HostWait = Stopwatch.GetElapsedTime(started);
        container.RegisterInstanceAs(host);
        variables.Set("APIURL", host.ApiUrl);
        variables.Set("adminToken", host.AdminToken);
        variables.Set("nrfCloudApiEndpoint", host.AccountApiEndpoint.ToString().TrimEnd('/'));
        variables.Set("clientAddress", client.Address);
        variables.Set("otherClientAddress", client.OtherAddress);

        if (host.ConfiguredAccount is { } configured)
        {
            variables.Set("configuredNrfCloudAccount", configured);
        }

        if (host.PollerFirstRetryDelay is { } firstRetryDelay)
        {
            variables.Set("pollerFirstRetryDelayMs", JsonValue.Create((long)firstRetryDelay.TotalMilliseconds));
        }

        if (host.UpgradePathInterval is { } upgradePathInterval)
        {
            variables.Set("upgradePathIntervalMs", JsonValue.Create((long)upgradePathInterval.TotalMilliseconds));
        }

        FolderVariables.Apply(feature.FeatureInfo.FolderPath, variables);

        // Each ${…} a step resolves becomes a log line under the step in the living documentation.
        variables.Resolved = output.WriteLine;
    }

    /// <summary>Each resolved <c>${…}</c> is logged once per step (<see cref="ScenarioVariables.StartStep"/>).</summary>
    [BeforeStep]
    public static void StartStep(ScenarioVariables variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        variables.StartStep();
    }

    /// <summary>Leaves nothing of this scenario in the (possibly shared) mock; a story's scenarios share it until the story ends.</summary>
    [AfterScenario(Order = 0)]
    public static Task ForgetMockState(IFotaHost host, ScenarioAccounts accounts, FeatureContext feature)
    {
        ArgumentNullException.ThrowIfNull(host);
        return StoryScope.IsStory(feature) ? Task.CompletedTask : ScenarioMockState.ForgetAsync(host.Mock, accounts);
    }

    /// <summary>Leaves nothing of a story (a BDD-Markdown feature) in the mock once its last scenario ran.</summary>
    [AfterFeature]
    public static async Task ForgetStoryMockState(FeatureContext feature)
    {
        if (StoryScope.Shared<ScenarioAccounts>(feature) is { } accounts)
        {
            await ScenarioMockState.ForgetAsync((await FotaHosts.CurrentAsync()).Mock, accounts);
        }
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
