using Fota.FeatureRunner.Parsing;
using Reqnroll;
using Xunit.Sdk;

namespace Fota.FeatureRunner.Stories;

/// <summary>
/// A scenario that must not run (a story's scenario after a failing one, a feature whose needs failed): it goes
/// through Reqnroll as skipped, so the living documentation shows it with its steps skipped, and the test is skipped.
/// </summary>
internal static class SkippedScenario
{
    public static async Task SkipAsync(ITestRunner runner, ParsedFeature feature, int pickleIndex, string reason)
    {
        var pickle = feature.Pickles[pickleIndex];
        runner.OnScenarioInitialize(
            new ScenarioInfo(pickle.Name, "", ParsedFeature.TagNames(pickle.Tags).ToArray(), new System.Collections.Specialized.OrderedDictionary()),
            null);
        await runner.SkipScenarioAsync();
        try
        {
            await runner.CollectScenarioErrorsAsync();
        }
        catch (SkipException)
        {
            // Reqnroll reports the skip through the unit test provider; the reason below is the one to show.
        }

        await runner.OnScenarioEndAsync();
        Assert.Skip(reason);
    }
}
