using System.Diagnostics;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>
/// "should receive no more … requests for N seconds": the window starts at the step (or once those on their way have
/// arrived), and fails at the first new request.
/// </summary>
public sealed class NoMoreRequestsDriverTests
{
    private const string Cancel = "PUT /v1/fota-jobs/j1/cancel";

    [Fact]
    public async Task Requests_before_the_window_and_other_requests_during_it_pass_after_the_whole_window()
    {
        var mock = new RecordingMock();
        mock.Recorded.Add(Request("PUT", "/v1/fota-jobs/j1/cancel"));
        var driver = await DriverAsync(mock);
        var watch = Stopwatch.StartNew();

        var check = driver.AssertNoMoreRequestsAsync(Cancel, TimeSpan.FromMilliseconds(400));
        lock (mock.Recorded)
        {
            mock.Recorded.Add(Request("GET", "/v1/fota-jobs/j1"));
            mock.Recorded.Add(Request("PUT", "/v1/fota-jobs/j2/cancel"));
        }

        await check;
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400), "the window is watched to its end");
    }

    [Fact]
    public async Task A_request_during_the_window_fails_at_once_naming_the_counts_and_listing_the_recordings()
    {
        var mock = new RecordingMock();
        mock.Recorded.Add(Request("PUT", "/v1/fota-jobs/j1/cancel"));
        var driver = await DriverAsync(mock);
        var watch = Stopwatch.StartNew();

        var check = driver.AssertNoMoreRequestsAsync(Cancel, TimeSpan.FromMinutes(1));
        lock (mock.Recorded)
        {
            mock.Recorded.Add(Request("PUT", "/v1/fota-jobs/j1/cancel"));
        }

        var failure = (await check.Awaiting(c => c).Should().ThrowAsync<StepFailedException>()).Which;
        failure.Message.Should().Contain("Expected no more PUT /v1/fota-jobs/j1/cancel requests")
            .And.Contain("during 60 s, but after 1 there were 2")
            .And.Contain("Recorded for this scenario (2)");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the first new request fails the step, not the window's end");
    }

    [Fact]
    public async Task Requests_still_on_their_way_when_the_step_starts_are_not_counted()
    {
        var mock = new RecordingMock();
        var driver = await DriverAsync(mock);

        var check = driver.AssertNoMoreRequestsAsync(Cancel, TimeSpan.FromMilliseconds(200), onTheirWay: TimeSpan.FromMilliseconds(300));
        lock (mock.Recorded)
        {
            mock.Recorded.Add(Request("PUT", "/v1/fota-jobs/j1/cancel"));
        }

        await check;
    }

    [Fact]
    public async Task A_request_after_those_on_their_way_fails()
    {
        var mock = new RecordingMock();
        var driver = await DriverAsync(mock);

        var check = driver.AssertNoMoreRequestsAsync(Cancel, TimeSpan.FromMinutes(1), onTheirWay: TimeSpan.FromMilliseconds(100));
        await Task.Delay(TimeSpan.FromMilliseconds(400), TestContext.Current.CancellationToken);
        lock (mock.Recorded)
        {
            mock.Recorded.Add(Request("PUT", "/v1/fota-jobs/j1/cancel"));
        }

        (await check.Awaiting(c => c).Should().ThrowAsync<StepFailedException>()).Which.Message.Should().Contain("after 0 there were 1");
    }

    private static RecordedRequest Request(string method, string path) =>
        new(DateTimeOffset.UtcNow, method, path, string.Empty, new Dictionary<string, string>(), string.Empty, Guid.NewGuid().ToString("N"));

    private static async Task<NrfCloudMockDriver> DriverAsync(RecordingMock mock)
    {
        var accounts = new ScenarioAccounts();
        await accounts.AddApiKeyAsync("key-1");
        return new NrfCloudMockDriver(new FakeHost(mock), accounts, new ScenarioQueuedResponses(), new NoOutput());
    }
}
