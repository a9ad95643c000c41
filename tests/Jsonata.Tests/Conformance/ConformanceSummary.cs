using System.Text;

namespace Jsonata.Tests.Conformance;

/// <summary>
/// Runs the whole suite once per test run (shared by the per-case tests and the summary test)
/// and reports one line per group plus the total.
/// </summary>
public static class ConformanceSummary
{
    private static readonly Lazy<Report> Computed = new(Compute);

    public static Report Result => Computed.Value;

    public sealed record GroupLine(string Group, int Passed, int Failed, int Skipped);

    public sealed record Report(IReadOnlyList<GroupLine> Groups, IReadOnlyList<string> Failures, IReadOnlyDictionary<string, string> FailureById)
    {
        public int Passed => Groups.Sum(g => g.Passed);

        public int Failed => Groups.Sum(g => g.Failed);

        public int Skipped => Groups.Sum(g => g.Skipped);

        public int Total => Passed + Failed + Skipped;

        public string TotalLine => $"JSONata conformance: {Passed} passed, {Failed} failed, {Skipped} skipped of {Total}";

        public string Render()
        {
            var sb = new StringBuilder();
            foreach (var g in Groups)
            {
                sb.Append("  ").Append(g.Group).Append(": ").Append(g.Passed).Append(" passed, ")
                  .Append(g.Failed).Append(" failed, ").Append(g.Skipped).Append(" skipped\n");
            }

            sb.Append(TotalLine);
            return sb.ToString();
        }
    }

    private static Report Compute()
    {
        var groups = new List<GroupLine>();
        var failures = new List<string>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in TestSuite.Cases.GroupBy(c => c.Group))
        {
            int passed = 0, failed = 0, skipped = 0;
            foreach (var c in group)
            {
                if (SkipList.ReasonFor(c) != null)
                {
                    skipped++;
                    continue;
                }

                string? failure;
                try
                {
                    failure = CaseRunner.Run(c);
                }
                catch (Exception e)
                {
                    failure = "crashed: " + e.GetType().Name + ": " + e.Message;
                }

                if (failure == null)
                {
                    passed++;
                }
                else
                {
                    failed++;
                    failures.Add($"{c.Id}: {CaseRunner.Show(c.Definition["expr"])}: {failure}");
                    byId[c.Id] = failure;
                }
            }

            groups.Add(new GroupLine(group.Key, passed, failed, skipped));
        }

        return new Report(groups, failures, byId);
    }
}
