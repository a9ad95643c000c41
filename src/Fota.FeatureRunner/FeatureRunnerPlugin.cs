using Fota.FeatureRunner.Plugin;
using Fota.FeatureRunner.Reporting;
using Reqnroll.Analytics;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace Fota.FeatureRunner;

/// <summary>
/// Reqnroll runtime plugin that fits Reqnroll to xUnit v3 without Reqnroll's xUnit package: the unit test
/// provider (skip, pending, inconclusive), step trace and attachments into the xUnit test output,
/// formatter output paths rooted at the repository, the living documentation's corrections (<see cref="ReportMessageFactory"/>,
/// <see cref="LivingDocHtmlFormatter"/>), and telemetry switched off.
/// Register it from the test assembly: <c>[assembly: RuntimePlugin(typeof(FeatureRunnerPlugin))]</c>.
/// </summary>
public sealed class FeatureRunnerPlugin : IRuntimePlugin
{
    /// <summary>The unit test provider name this plugin registers.</summary>
    public const string UnitTestProviderName = "fota-xunit3";

    private static int _initializations;

    /// <summary>True once Reqnroll has loaded this plugin in this process.</summary>
    internal static bool Loaded => Volatile.Read(ref _initializations) > 0;

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        Interlocked.Increment(ref _initializations);

        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(UnitTestProviderName);
            args.ObjectContainer.RegisterTypeAs<TelemetryDisabled, IEnvironmentReqnrollTelemetryChecker>();
        };
        runtimePluginEvents.CustomizeGlobalDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<TelemetryDisabled, IEnvironmentReqnrollTelemetryChecker>();
            args.ObjectContainer.RegisterFactoryAs<IFormattersConfigurationProvider>(container =>
                new RepositoryRootedFormattersConfiguration(
                    container.Resolve<FormattersConfigurationProvider>(), RepositoryRoot.Find()));
            args.ObjectContainer.RegisterTypeAs<ReportMessageFactory, ICucumberMessageFactory>();
            args.ObjectContainer.RegisterTypeAs<LivingDocHtmlFormatter, ICucumberMessageFormatter>("html");
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
            args.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(UnitTestProviderName);
    }
}
