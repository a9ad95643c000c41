using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>
/// Runs a generated feature class's scenarios in the order they are written: by their line in the feature file
/// (each test's source line is its scenario's or example row's line).
/// </summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases
            .OrderBy(testCase => testCase.SourceLineNumber ?? int.MaxValue)
            .ThenBy(testCase => testCase.UniqueID, StringComparer.Ordinal)
            .ToList();
}
