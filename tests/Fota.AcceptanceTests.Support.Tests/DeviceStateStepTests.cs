using System.Text.Json.Nodes;
using Fota.AcceptanceTests.StepDefinitions;
using Fota.AcceptanceTests.Support.Expressions;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>The shadow step's queue key (SPEC 5.3, §4's <c>/regex/</c> values) and the seed's <c>"$number{…}"</c> timestamps.</summary>
public sealed class DeviceStateStepTests
{
    private static RecordedRequest DeviceList(string deviceIds) => new(
        DateTimeOffset.UnixEpoch,
        "GET",
        "/v1/devices",
        $"includeState=true&includeStateMeta=true&pageLimit=100&deviceIds={deviceIds}",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        "",
        null);

    [Theory]
    [InlineData("oob-352656108602296", true)]
    [InlineData("oob-1,oob-352656108602296", true)]
    [InlineData("oob-352656108602296,oob-2", true)]
    [InlineData("oob-1,oob-352656108602296,oob-2", true)]
    [InlineData("oob-3526561086022960", false)]
    [InlineData("xoob-352656108602296", false)]
    [InlineData("oob-1,oob-2", false)]
    public void The_shadow_answers_every_device_list_call_that_asks_for_the_device(string deviceIds, bool matches) =>
        RequestPattern.Parse(DeviceStateSteps.DeviceListRequest("oob-352656108602296")).Matches(DeviceList(deviceIds)).Should().Be(matches);

    [Fact]
    public void A_device_id_with_regex_characters_matches_only_itself()
    {
        var pattern = RequestPattern.Parse(DeviceStateSteps.DeviceListRequest("a.b"));
        pattern.Matches(DeviceList("a.b")).Should().BeTrue();
        pattern.Matches(DeviceList("axb")).Should().BeFalse();
    }

    [Fact]
    public void The_seeds_timestamps_in_seconds_become_bare_numbers()
    {
        var json = Placeholders.InJson(
            """{"timestamp":"$number{$floor($millis()/1000)}"}""",
            expression => StepExpressions.EvaluateAgainstVariables(expression, new Dictionary<string, JsonNode?>()));

        var timestamp = JsonNode.Parse(json)!["timestamp"]!.GetValue<long>();
        timestamp.Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
    }
}
