using System.Reflection;
using Fota.FeatureRunner.Discovery;
using Fota.FeatureRunner.Execution;
using Fota.FeatureRunner.Plugin;
using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>Runs scenarios with Reqnroll's runtime, inside the current xUnit test.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs one discovered scenario as the body of an xUnit test: it passes, fails with the step's
    /// text and file:line followed by the original message, or is skipped (<c>@ignore</c>, reported by
    /// Reqnroll as skipped). It appears in the living documentation.
    /// </summary>
    public static async Task RunAsync(FeatureScenario scenario, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.ParseError is not null)
        {
            throw new FeatureParseException(scenario.ParseError);
        }

        if (scenario.PickleIndex < 0)
        {
            Assert.Skip(scenario.DisplayName);
        }

        var feature = FeatureCatalog.Load(scenario.FeaturesFolder, scenario.RelativePath);
        using (ScenarioOutput.Use(output))
        {
            var ignored = FeatureDiscovery.SkipReasonOf(scenario) is not null;
            await ReqnrollSession.For(TestAssembly()).RunReportedAsync(feature, scenario.PickleIndex, ignored);
        }
    }

    /// <summary>
    /// Runs the scenario named <paramref name="scenarioName"/> (its name, or its test name with the example row)
    /// of <paramref name="featureFile"/> (a path below the features folder, e.g. <c>DeviceFota.feature</c>)
    /// and returns its outcome instead of failing the calling test. By default the run is kept out of the
    /// living documentation.
    /// </summary>
    public static async Task<ScenarioOutcome> RunScenarioAsync(string featureFile, string scenarioName, ScenarioRunOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(featureFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioName);
        options ??= new ScenarioRunOptions();

        var relativePath = featureFile.Replace('\\', '/');
        var folderPrefix = options.FeaturesFolder.Replace('\\', '/').TrimEnd('/') + "/";
        if (relativePath.StartsWith(folderPrefix, StringComparison.Ordinal))
        {
            relativePath = relativePath[folderPrefix.Length..];
        }

        var feature = FeatureCatalog.Load(options.FeaturesFolder, relativePath);
        var pickleIndex = FindPickle(feature, scenarioName);
        if (FeatureDiscovery.SkipReasonOf(new FeatureScenario(options.FeaturesFolder, relativePath, pickleIndex, scenarioName, null)) is { } skipReason)
        {
            return new ScenarioOutcome(ScenarioOutcomeStatus.Skipped, SkipException.ForSkip(skipReason));
        }

        var session = ReqnrollSession.For(options.TestAssembly ?? TestAssembly());
        using (ScenarioOutput.Use(options.Output))
        {
            try
            {
                if (options.IncludeInReport)
                {
                    await session.RunReportedAsync(feature, pickleIndex);
                }
                else
                {
                    await session.RunUnreportedAsync(feature, pickleIndex);
                }

                return new ScenarioOutcome(ScenarioOutcomeStatus.Passed, null);
            }
            catch (SkipException e)
            {
                return new ScenarioOutcome(ScenarioOutcomeStatus.Skipped, e);
            }
            catch (ScenarioFailedException e)
            {
                return new ScenarioOutcome(ScenarioOutcomeStatus.Failed, e);
            }
        }
    }

    private static int FindPickle(ParsedFeature feature, string scenarioName)
    {
        var matches = Enumerable.Range(0, feature.Pickles.Count)
            .Where(index => feature.Pickles[index].Name == scenarioName
                || ScenarioNaming.For(feature, feature.Pickles[index]) == scenarioName
                || ScenarioNaming.For(feature, feature.Pickles[index]) == $"{feature.Feature.Name}: {scenarioName}")
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException(
                $"{feature.DisplayPath} has no scenario named '{scenarioName}'. Scenarios: "
                + string.Join("; ", feature.Pickles.Select(pickle => ScenarioNaming.For(feature, pickle))),
                nameof(scenarioName)),
            _ => throw new ArgumentException(
                $"'{scenarioName}' names {matches.Count} scenarios of {feature.DisplayPath}; use the test name with the example row: "
                + string.Join("; ", matches.Select(index => ScenarioNaming.For(feature, feature.Pickles[index]))),
                nameof(scenarioName)),
        };
    }

    private static Assembly TestAssembly() =>
        (TestContext.Current.TestClass as IXunitTestClass)?.Class.Assembly
        ?? Assembly.GetEntryAssembly()
        ?? throw new InvalidOperationException("No test assembly: run scenarios from an xUnit test, or set ScenarioRunOptions.TestAssembly.");
}
