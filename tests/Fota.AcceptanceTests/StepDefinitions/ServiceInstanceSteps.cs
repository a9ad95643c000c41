using Fota.AcceptanceTests.Drivers;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.Api.Storage;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

/// <summary>The scenario's own service instances (<c>@own-instances</c>): a graceful restart, and a death at a chosen moment.</summary>
[Binding]
public sealed class ServiceInstanceSteps(ServiceInstancesDriver instances)
{
    /// <summary>A new instance starts on the same database and takes over; the old one stops gracefully.</summary>
    [StepDefinition(@"^the Fota service restarts$")]
    public Task Restart() => instances.RestartAsync();

    /// <summary>A restart whose new instance, and every later one, runs with the table's settings (columns <c>setting</c>, <c>value</c>; keys as in SPEC §6).</summary>
    [StepDefinition(@"^the Fota service restarts with these settings$")]
    public Task RestartWith(DataTable settings) =>
        instances.RestartWithAsync(settings.Rows.ToDictionary(row => row["setting"], row => row["value"], StringComparer.Ordinal));

    /// <summary>An instance started with the setting (over the scenario's) refuses to start, and its error names the setting.</summary>
    [StepDefinition(@"^the Fota service should refuse to start with `([^`]+)` set to `([^`]*)`, naming it$")]
    public Task RefuseToStart(string key, string value) => instances.ExpectRefusedStartAsync(key, value);

    /// <summary>The running instance's next look for due upgrade-path jobs fails, as in a short database outage.</summary>
    [StepDefinition(@"^the Fota service's database will fail the upgrade-path flow's next look for due jobs$")]
    public void FailNextClaim() => instances.FailNext(typeof(IUpgradePathStore), nameof(IUpgradePathStore.ClaimDueAsync));

    /// <summary>Dies once the step is stored, before the create's intent is recorded: nothing was sent to nRF Cloud.</summary>
    [StepDefinition(@"^the Fota service will die right after recording the step$")]
    public void DieAfterRecordingTheStep() => instances.DieAt(DeathMoments.StepStarted);

    /// <summary>Dies once the create's intent is recorded: the create goes to nRF Cloud, its answer is never stored.</summary>
    [StepDefinition(@"^the Fota service will die while the step's nRF Cloud job is being created$")]
    public void DieWhileCreating() => instances.DieAt(DeathMoments.StepCreateSent);

    /// <summary>Dies once nRF Cloud's job is stored, before the step goes on to wait for it.</summary>
    [StepDefinition(@"^the Fota service will die right after storing the step's nRF Cloud job$")]
    public void DieAfterStoringTheJob() => instances.DieAt(DeathMoments.StepJobStored);

    /// <summary>Waits for the chosen death, then starts another instance on the same database.</summary>
    [StepDefinition(@"^the Fota service has died and another instance has started on its database$")]
    public Task ReplaceDeadInstance() => instances.ReplaceDeadInstanceAsync();
}
