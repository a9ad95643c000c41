using Fota.FeatureRunner.Tests.Features.Failing;
using Xunit.Sdk;
using FarTwin = Fota.FeatureRunner.Tests.Features.Failing.Twins.TwinMarkdownFeature;
using NearTwin = Fota.FeatureRunner.Tests.Features.Failing.Twins.Near.TwinMarkdownFeature;
using NeedsFarTwin = Fota.FeatureRunner.Tests.Features.Failing.Twins.NeedsFailedTwinMarkdownFeature;
using NeedsNearTwin = Fota.FeatureRunner.Tests.Features.Failing.Twins.Near.NeedsTwinMarkdownFeature;

namespace Fota.FeatureRunner.Tests;

/// <summary>
/// A Markdown feature is one story: after a failing scenario the rest is skipped. (MidStory.feature.md is compiled
/// without test attributes, so its scenarios are called here in order, on one feature fixture.)
/// </summary>
public sealed class StoryTests
{
    [Fact]
    public async Task A_failing_markdown_step_names_the_file_and_line_and_the_rest_of_the_story_is_skipped()
    {
        await using var fixture = new FeatureFixture<MidStoryMarkdownFeature>();
        var feature = new MidStoryMarkdownFeature(fixture);

        await feature.BeforeTheFailure();
        var failure = (await feature.Invoking(f => f.TheFailure()).Should().ThrowAsync<ScenarioFailedException>()).Which;
        var skipped = (await feature.Invoking(f => f.AfterTheFailure()).Should().ThrowAsync<SkipException>()).Which;

        failure.Message.Should().StartWith("Step failed: Then the result should be 3 (features/failing/MidStory.feature.md:11)");
        failure.StackTrace.Should().MatchRegex(@"MidStoryMarkdownFeature\.TheFailure\(\) in .*features/failing/MidStory\.feature\.md:line 11");
        skipped.Message.Should().Contain("the story stopped at its failing scenario The failure (features/failing/MidStory.feature.md:9)");
    }

    [Fact]
    public async Task A_failed_feature_skips_what_needs_it_but_not_what_needs_a_nearer_feature_of_the_same_title()
    {
        await using var farFixture = new FeatureFixture<FarTwin>();
        await using var nearFixture = new FeatureFixture<NearTwin>();
        await using var needsNearFixture = new FeatureFixture<NeedsNearTwin>();
        await using var needsFarFixture = new FeatureFixture<NeedsFarTwin>();

        await new FarTwin(farFixture).Invoking(f => f.Fails()).Should().ThrowAsync<ScenarioFailedException>();
        await new NearTwin(nearFixture).Passes();

        await new NeedsNearTwin(needsNearFixture).Invoking(f => f.Runs()).Should().NotThrowAsync("it needs the 'Twin' in its own folder, which passed");
        (await new NeedsFarTwin(needsFarFixture).Invoking(f => f.IsSkipped()).Should().ThrowAsync<SkipException>())
            .Which.Message.Should().Contain("it needs 'Twin', whose scenario 'Fails (features/failing/twins/Twin.feature.md:3)' failed");
    }
}
