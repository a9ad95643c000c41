using Fota.FeatureRunner.Tests.Features.Reported;

namespace Fota.FeatureRunner.Tests;

/// <summary>A child run of ReportedFailure.feature with its last step failing on purpose.</summary>
public sealed class FailingChildRun() : ChildRun([typeof(ReportedFailureFeature)], failOnPurpose: true);

/// <summary>The living documentation as a reader sees it: titles, step text, the failure's trace.</summary>
public sealed class ReportTests(FailingChildRun run) : IClassFixture<FailingChildRun>
{
    [Fact]
    public void A_failed_steps_trace_is_the_bindings_frames_ending_at_the_feature_line_without_reqnrolls_own()
    {
        var failed = run.Of("testStepFinished").Single(f => (string)f["testStepResult"]!["status"]! == "FAILED");
        var exception = failed["testStepResult"]!["exception"]!;
        var trace = ((string)exception["stackTrace"]!).Split(Environment.NewLine);

        ((string)exception["message"]!).Should().Be("failed on purpose");
        trace[0].Should().Contain("ReportSteps.FailsOnRequest()", "the binding that threw comes first");
        trace[^1].Should().Be("   at A step fails when the child run asks for it in features/reported/ReportedFailure.feature:line 7");
        trace.Should().HaveCount(2, "the binding's frame and the feature line: no Reqnroll, reflection or runner frames");
    }

    [Fact]
    public void An_optional_group_that_matched_nothing_is_not_reported_as_an_argument()
    {
        // "I start the calculator" matches ^I ((?:re)?)start the calculator$ with an empty group at offset 2: the report
        // would print "I I start the calculator".
        var arguments = run.Of("testCase")
            .SelectMany(testCase => testCase["testSteps"]!.AsArray())
            .SelectMany(step => step!["stepMatchArgumentsLists"]?.AsArray() ?? [])
            .SelectMany(list => list!["stepMatchArguments"]!.AsArray())
            .ToList();

        run.Of("testCase").Should().ContainSingle();
        arguments.Should().BeEmpty();
    }

    [Fact]
    public void The_html_report_lists_features_by_title_and_the_messages_keep_the_path()
    {
        var page = File.ReadAllText(run.Html);

        page.Should().Contain("\"uri\":\"Reported failure\"").And.NotContain("\"uri\":\"features/reported/ReportedFailure.feature\"");
        run.Of("gherkinDocument").Select(d => (string)d["uri"]!).Should().Equal("features/reported/ReportedFailure.feature");
    }
}
