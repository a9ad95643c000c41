using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>"called with" against a mock that holds given recordings: it waits server-side, then explains what it saw.</summary>
public sealed class CalledWithDriverTests
{
    private const string Expected = """
        POST /v1/fota-jobs HTTP/1.1
        Content-Type: application/json

        {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["oob-1"]}
        """;

    [Fact]
    public async Task A_request_that_never_arrives_fails_saying_where_it_was_expected_and_what_the_service_answered()
    {
        var mock = new RecordingMock();
        var driver = await DriverWithKeyAsync(mock);
        var serviceAnswer = new ApiResponse("POST", "http://api/device/oob-1/fota", 500, "Internal Server Error", [], """{"detail":"nRF Cloud could not be reached"}""");

        var check = () => driver.AssertCalledWithAsync(Expected, soon: true, () => serviceAnswer);

        var failure = (await check.Should().ThrowAsync<Exception>()).Which;
        failure.ToString().Should().Contain("No POST /v1/fota-jobs request reached the mock nRF Cloud at http://mock.test/")
            .And.Contain("within")
            .And.Contain("500")
            .And.Contain("nRF Cloud could not be reached");
        mock.MatchCalls.Should().ContainSingle("one attempt is one mock call that waits server-side, instead of polling")
            .Which.Should().Be("key-1");
    }

    [Fact]
    public async Task A_matching_request_passes_and_a_different_body_lists_the_difference()
    {
        var mock = new RecordingMock();
        mock.Recorded.Add(Request("""{"bundleId":"APP*1e29dfa3*v2.0.0","deviceIdentifiers":["oob-1"]}"""));
        var driver = await DriverWithKeyAsync(mock);

        var mismatch = () => driver.AssertCalledWithAsync(Expected, soon: false, () => null);
        (await mismatch.Should().ThrowAsync<StepFailedException>()).Which.Message
            .Should().Contain("body $.autoApply: expected true but was missing").And.Contain("Recorded for this scenario (1)");

        mock.Recorded.Add(Request("""{"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["oob-1"]}"""));
        await driver.AssertCalledWithAsync(Expected, soon: false, () => null);
    }

    private static RecordedRequest Request(string body) =>
        new(DateTimeOffset.UnixEpoch, "POST", "/v1/fota-jobs", string.Empty, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body, "r1");

    private static async Task<NrfCloudMockDriver> DriverWithKeyAsync(RecordingMock mock)
    {
        var accounts = new ScenarioAccounts();
        await accounts.AddApiKeyAsync("key-1");
        return new NrfCloudMockDriver(new FakeHost(mock), accounts, new ScenarioQueuedResponses(), new NoOutput());
    }
}
