using Reqnroll.Analytics;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace Fota.FeatureRunner.Tests;

public sealed class PluginTests
{
    private static ObjectContainer GlobalContainerWithPlugin(out UnitTestProviderConfiguration providerConfiguration)
    {
        var events = new RuntimePluginEvents();
        providerConfiguration = new UnitTestProviderConfiguration();
        new FeatureRunnerPlugin().Initialize(events, new RuntimePluginParameters(), providerConfiguration);
        var container = new ObjectContainer();
        events.RaiseRegisterGlobalDependencies(container);
        events.RaiseCustomizeGlobalDependencies(container, ConfigurationLoader.GetDefault());
        return container;
    }

    [Fact]
    public void Telemetry_is_reported_disabled_so_reqnroll_sends_nothing()
    {
        var container = GlobalContainerWithPlugin(out _);

        container.Resolve<IEnvironmentReqnrollTelemetryChecker>().IsReqnrollTelemetryEnabled().Should().BeFalse();
    }

    [Fact]
    public void The_plugin_is_reqnrolls_unit_test_provider_and_maps_ignore_to_an_xunit_skip_and_pending_to_a_failure()
    {
        var container = GlobalContainerWithPlugin(out var configuration);

        configuration.UnitTestProvider.Should().Be(FeatureRunnerPlugin.UnitTestProviderName);
        var provider = container.Resolve<IUnitTestRuntimeProvider>(FeatureRunnerPlugin.UnitTestProviderName);
        provider.Invoking(p => p.TestIgnore("why")).Should().Throw<Xunit.Sdk.SkipException>();
        provider.Invoking(p => p.TestPending("step")).Should().Throw<ScenarioPendingException>().WithMessage("Pending: step");
    }
}
