using Fota.Testing;

namespace Jsonata.Tests.Conformance;

/// <summary>
/// Every case of the shared jsonata-test-suite, one test each (display name group/caseNNN). The cases are
/// evaluated once per run by <see cref="ConformanceSummary"/>; each test asserts its own case's outcome.
/// </summary>
public class ConformanceTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        if (TestSuite.Root == null)
        {
            data.Add("(suite missing)");
            return data;
        }

        foreach (var c in TestSuite.Cases)
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        if (TestSuite.Root == null)
        {
            VisibleSkip.Because(TestSuite.MissingMessage);
        }

        var c = TestSuite.Cases.Single(x => x.Id == id);
        var skip = SkipList.ReasonFor(c);
        if (skip != null)
        {
            Assert.Skip(skip);
        }

        var failure = ConformanceSummary.Result.FailureById.GetValueOrDefault(id);
        Assert.True(failure == null, $"{id}: {CaseRunner.Show(c.Definition["expr"])}: {failure}");
    }
}
