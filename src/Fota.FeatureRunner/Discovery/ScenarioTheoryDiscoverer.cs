using Xunit.Sdk;
using Xunit.v3;

namespace Fota.FeatureRunner.Discovery;

/// <summary>
/// xUnit's theory discoverer, except that a data row's display name is used as it is, and rows are always
/// enumerated at discovery (the in-process console runner does not by default), so that every scenario is a
/// test case with its own name, traits and place in the order.
/// </summary>
internal sealed class ScenarioTheoryDiscoverer : TheoryDiscoverer
{
    private const string PreEnumerateTheories = "xunit.discovery.PreEnumerateTheories";

    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        base.Discover(new PreEnumeratingOptions(discoveryOptions), testMethod, factAttribute);

    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        ITheoryAttribute theoryAttribute,
        ITheoryDataRow dataRow,
        object?[] testMethodArguments,
        string? index)
    {
        if (dataRow.TestDisplayName is null)
        {
            return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments, index);
        }

        var details = TestIntrospectionHelper.GetTestCaseDetailsForTheoryDataRow(
            discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments, index);
        var testCase = new XunitTestCase(
            details.ResolvedTestMethod,
            dataRow.TestDisplayName,
            details.UniqueID,
            details.Explicit,
            details.SkipExceptions,
            details.SkipReason,
            details.SkipType,
            details.SkipUnless,
            details.SkipWhen,
            TestIntrospectionHelper.GetTraits(testMethod, dataRow),
            testMethodArguments,
            sourceFilePath: details.SourceFilePath,
            sourceLineNumber: details.SourceLineNumber,
            timeout: details.Timeout);
        return new([testCase]);
    }

    private sealed class PreEnumeratingOptions(ITestFrameworkDiscoveryOptions inner) : ITestFrameworkDiscoveryOptions
    {
        public TValue? GetValue<TValue>(string name) =>
            name == PreEnumerateTheories && (typeof(TValue) == typeof(bool?) || typeof(TValue) == typeof(bool))
                ? (TValue)(object)true
                : inner.GetValue<TValue>(name);

        public void SetValue<TValue>(string name, TValue value) => inner.SetValue(name, value);

        public string ToJson() => inner.ToJson();
    }
}
