using Xunit.v3;

namespace Fota.FeatureRunner.Tests;

public sealed class OrderingTests
{
    private static XunitTestCase Case(string uniqueId, object? argument) =>
        new((IXunitTestMethod)TestContext.Current.TestMethod!, uniqueId, uniqueId, false, [], null, null, null, null, [], argument is null ? [] : [argument], null, null, null);

    [Fact]
    public void Scenarios_run_by_feature_file_then_pickle_and_other_tests_after_them()
    {
        var scenarios = FeatureDiscovery.Scenarios("samples/passing").ToList();
        var shuffled = scenarios.Select((scenario, index) => Case($"id-{(index * 7) % scenarios.Count:00}", scenario)).ToList();
        shuffled.Add(Case("id-00-other", null));
        var unordered = shuffled.OrderBy(testCase => testCase.UniqueID, StringComparer.Ordinal).ToList();

        var ordered = new FeatureScenarioOrderer().OrderTestCases(unordered);

        ordered.Select(testCase => testCase.TestMethodArguments.FirstOrDefault()).Should()
            .Equal([.. scenarios, null], "file order, then pickle order, then the rest");
    }
}
