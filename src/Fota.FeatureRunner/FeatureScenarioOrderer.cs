using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>
/// Runs scenarios in file order, then pickle order, so that a feature's scenarios run together and
/// a feature is released before the next one starts. Other test cases keep xUnit's default order, after them.
/// </summary>
public sealed class FeatureScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases
            .Select(testCase => (TestCase: testCase, Scenario: ScenarioOf(testCase)))
            .OrderBy(item => item.Scenario is null ? 1 : 0)
            .ThenBy(item => item.Scenario?.FeaturesFolder, StringComparer.Ordinal)
            .ThenBy(item => item.Scenario?.RelativePath, StringComparer.Ordinal)
            .ThenBy(item => item.Scenario?.PickleIndex)
            .ThenBy(item => item.TestCase.UniqueID, StringComparer.Ordinal)
            .Select(item => item.TestCase)
            .ToList();

    private static FeatureScenario? ScenarioOf(ITestCase testCase) =>
        testCase is XunitTestCase { TestMethodArguments: [FeatureScenario scenario, ..] } ? scenario : null;
}
