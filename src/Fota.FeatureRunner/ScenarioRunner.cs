using System.Reflection;
using Fota.FeatureRunner.Execution;
using Fota.FeatureRunner.Parsing;
using Fota.FeatureRunner.Plugin;
using Reqnroll;
using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>Runs one compiled scenario from code, inside the current xUnit test, and returns how it ended.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs the scenario named <paramref name="scenarioName"/> (its name, or its test name with the example row)
    /// of the compiled feature <paramref name="featureFile"/> (its path, e.g. <c>features/DeviceFota.feature</c>, or
    /// the end of it, e.g. <c>DeviceFota.feature</c>) on a runner of its own, kept out of the living documentation,
    /// and returns its outcome instead of failing the calling test.
    /// </summary>
    public static async Task<ScenarioOutcome> RunScenarioAsync(string featureFile, string scenarioName, ScenarioRunOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(featureFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioName);
        options ??= new ScenarioRunOptions();
        var assembly = options.TestAssembly ?? TestAssembly();
        var feature = FindFeature(assembly, featureFile).Parsed;
        var pickleIndex = FindPickle(feature, scenarioName);
        if (ParsedFeature.TagNames(feature.Pickles[pickleIndex].Tags).Contains("ignore", StringComparer.OrdinalIgnoreCase))
        {
            return new ScenarioOutcome(ScenarioOutcomeStatus.Skipped, SkipException.ForSkip($"Ignored: the scenario is tagged @ignore ({feature.DisplayPath})"));
        }

        await ReqnrollSession.For(assembly).EnsureStartedAsync();
        var info = FeatureInfos.Unreported(feature);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(assembly, featureHint: info);
        try
        {
            using (ScenarioOutput.Use(options.Output))
            {
                await runner.OnFeatureStartAsync(info);
            }

            try
            {
                var run = await ScenarioRun.StartAsync(runner, feature, pickleIndex, options.Output);
                for (var step = 0; step < run.StepCount; step++)
                {
                    await run.StepAsync(step);
                }

                await run.EndAsync();
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
            finally
            {
                using (ScenarioOutput.Use(options.Output))
                {
                    await runner.OnFeatureEndAsync();
                }
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private static FeatureDefinition FindFeature(Assembly assembly, string featureFile)
    {
        var wanted = featureFile.Replace('\\', '/');
        var compiled = CompiledFeatureAttribute.DefinitionsIn(assembly);
        var matches = compiled
            .Where(definition => definition.Path == wanted || definition.Path.EndsWith("/" + wanted, StringComparison.Ordinal))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException(
                $"{assembly.GetName().Name} has no compiled feature '{featureFile}'. Features: {string.Join("; ", compiled.Select(definition => definition.Path))}",
                nameof(featureFile)),
            _ => throw new ArgumentException(
                $"'{featureFile}' names {matches.Count} features; give more of the path: {string.Join("; ", matches.Select(definition => definition.Path))}",
                nameof(featureFile)),
        };
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
