using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner;

/// <summary>
/// Runs a generated feature class's scenarios in the order they are written: by their line in the feature file
/// (each scenario's or example row's <c>[Fact]</c> carries that line, through <c>#line</c>).
/// </summary>
/// <remarks>
/// xUnit v3 orders a class's test <b>methods</b> with an <see cref="ITestMethodOrderer"/> (<c>[TestMethodOrderer]</c>);
/// an <see cref="ITestCaseOrderer"/> only orders the test cases of one method. Every scenario is a method of its own,
/// so the generated class names this type as both.
/// </remarks>
public sealed class ScenarioOrderer : ITestMethodOrderer, ITestCaseOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : ITestMethod =>
        testMethods
            .OrderBy(testMethod => LineOf(testMethod))
            .ThenBy(testMethod => testMethod?.UniqueID, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        testCases
            .OrderBy(testCase => testCase.SourceLineNumber ?? int.MaxValue)
            .ThenBy(testCase => testCase.UniqueID, StringComparer.Ordinal)
            .ToList();

    private static int LineOf(ITestMethod? testMethod) =>
        testMethod is IXunitTestMethod xunitMethod
            ? xunitMethod.FactAttributes.Select(fact => fact.SourceLineNumber ?? int.MaxValue).DefaultIfEmpty(int.MaxValue).Min()
            : int.MaxValue;
}
