using System.Net;
using Fota.Api.Devices;
using Fota.Api.Jobs.Polling;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// The status poller, driven by a fake clock: first poll at once, backoff, final states, the 24 h rule. nRF Cloud is the
/// real mock (tests/README.md), but for the growing-waits test: it reads when each poll happened on the service's fake
/// clock, which the fake nRF Cloud stamps and the mock's journal (the system clock) does not.
/// </summary>
public sealed class PollerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Fota:Poller:FirstRetryDelay"] = "00:00:10",
        ["Fota:Poller:MaxRetryDelay"] = "00:05:00",
        ["Fota:Poller:ScanInterval"] = "00:00:01",
        ["Fota:Poller:ClaimDuration"] = "00:01:00",
    };

    private readonly FakeTimeProvider _time = new(Start);
    private readonly FotaApiFactory _api;
    private HttpClient _client = null!;
    private DeviceResponse _device = null!;

    public PollerTests()
    {
        _api = new FotaApiFactory(time: _time, settings: Settings, mock: new InProcessMockNrfCloud());
    }

    public async ValueTask InitializeAsync()
    {
        _device = await _api.RegisterDeviceAsync();
        _client = _api.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<string> ScheduleAsync()
    {
        var jobId = Guid.NewGuid().ToString();
        await _api.AcceptCreateAsync(jobId);
        var response = await _client.ScheduleAsync(_device);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return jobId;
    }

    private async Task<int> PollsAsync(string jobId) => (await _api.Mock.CallsAsync(_api.ApiKey, "GET", $"/v1/fota-jobs/{jobId}")).Count;

    private Task AnswerStatusAsync(string jobId, HttpStatusCode status, string json) =>
        _api.Mock.QueueAsync(_api.ApiKey, $"GET /v1/fota-jobs/{jobId}", status, json, keep: true);

    /// <summary>Moves the clock in steps of the scan interval until <paramref name="jobId"/> has been polled <paramref name="count"/> times.</summary>
    private Task PolledAsync(string jobId, int count, TimeSpan? step = null) => PolledAsync(() => PollsAsync(jobId), jobId, count, step);

    private Task PolledAsync(Func<Task<int>> polls, string jobId, int count, TimeSpan? step = null) =>
        Eventually.ReturnsAsync(polls, n => n >= count, $"job {jobId} to be polled {count} times", between: () =>
        {
            _time.Advance(step ?? TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });

    private async Task<StoredJob> StoredAsync(string jobId, Func<StoredJob, bool> done, string because) =>
        (await Eventually.ReturnsAsync(() => _api.FindJobAsync(jobId), j => j is not null && done(j), because))!;

    [Theory]
    [InlineData("COMPLETED")]
    [InlineData("SUCCEEDED")]
    [InlineData("FAILED")]
    [InlineData("TIMED_OUT")]
    [InlineData("CANCELLED")]
    [InlineData("REJECTED")]
    public async Task A_final_status_is_stored_and_never_polled_again(string status)
    {
        var jobId = Guid.NewGuid().ToString();
        await AnswerStatusAsync(jobId, HttpStatusCode.OK, NrfCloudJson.Job(jobId, status, "done", "2024-06-06T12:00:01.000Z", "v2.0.0"));
        await _api.AcceptCreateAsync(jobId);
        (await _client.ScheduleAsync(_device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var job = await StoredAsync(jobId, j => j.Status == status, $"the job to become {status}");
        job.StatusDetail.Should().Be("done");
        job.Version.Should().Be("v2.0.0");

        // Far past any backoff; a canary job scheduled now is polled in a round that would also claim the final job if it were due.
        _time.Advance(TimeSpan.FromHours(1));
        var canary = await ScheduleAsync();
        await PolledAsync(canary, 1);
        (await PollsAsync(jobId)).Should().Be(1, $"{status} is final");
    }

    [Fact]
    public async Task An_unfinished_job_is_polled_again_with_growing_waits()
    {
        await using var api = new FotaApiFactory(time: _time, settings: Settings); // the fake nRF Cloud: it stamps calls on _time
        api.NrfCloud.Clock = _time;
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();
        var jobId = Guid.NewGuid().ToString();
        api.NrfCloud.Always($"GET /v1/fota-jobs/{jobId}", HttpStatusCode.OK, NrfCloudJson.Job(jobId, "IN_PROGRESS", null, "2024-06-06T12:00:00.000Z"));
        api.NrfCloud.AcceptCreate(jobId);
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        Task<int> Polls() => Task.FromResult(api.NrfCloud.CallsTo("GET", $"/v1/fota-jobs/{jobId}").Count);

        await PolledAsync(Polls, jobId, 1, TimeSpan.Zero);
        api.NrfCloud.CallsTo("GET", $"/v1/fota-jobs/{jobId}")[0].At.Should().Be(Start, "the first poll follows the scheduling at once");
        await PolledAsync(Polls, jobId, 4);

        var at = api.NrfCloud.CallsTo("GET", $"/v1/fota-jobs/{jobId}").Select(c => c.At).ToList();
        (at[1] - at[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10), "after a change the next poll waits FirstRetryDelay");
        (at[2] - at[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20), "an unchanged poll doubles the wait");
        (at[3] - at[2]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Status_detail_is_cleared_when_nRF_Cloud_no_longer_gives_one()
    {
        var jobId = Guid.NewGuid().ToString();
        await _api.Mock.QueueAsync(_api.ApiKey, $"GET /v1/fota-jobs/{jobId}", HttpStatusCode.OK, NrfCloudJson.Job(jobId, "IN_PROGRESS", "Job auto applied", "2024-06-06T12:00:00.5Z", "v2.0.0"));
        await AnswerStatusAsync(jobId, HttpStatusCode.OK, NrfCloudJson.Job(jobId, "COMPLETED", null, "2024-06-06T12:05:00Z"));
        await _api.AcceptCreateAsync(jobId);
        (await _client.ScheduleAsync(_device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        await StoredAsync(jobId, j => j.Status == "IN_PROGRESS", "the first poll");
        var job = await Eventually.ReturnsAsync(
            () => _api.FindJobAsync(jobId), j => j!.Status == "COMPLETED", "the job to complete",
            between: () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return Task.CompletedTask;
            });

        job!.StatusDetail.Should().BeNull();
        job.LastUpdatedAt.Should().Be("2024-06-06T12:05:00Z");
        job.Version.Should().Be("v2.0.0", "a version once known stays when nRF Cloud does not repeat it");
        var listed = (await _client.ListJobsAsync(_device))[0]!.AsObject();
        listed.ContainsKey("statusDetail").Should().BeFalse();
        Contract.ShouldValidate(listed, Contract.JobExecution);
    }

    [Fact]
    public async Task Without_a_timestamp_from_nRF_Cloud_the_service_stamps_the_change_itself()
    {
        var jobId = Guid.NewGuid().ToString();
        await AnswerStatusAsync(jobId, HttpStatusCode.OK, NrfCloudJson.Job(jobId, "DOWNLOADING"));
        _time.Advance(TimeSpan.FromMilliseconds(123));
        await _api.AcceptCreateAsync(jobId);
        (await _client.ScheduleAsync(_device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var job = await StoredAsync(jobId, j => j.Status == "DOWNLOADING", "the first poll");

        job.LastUpdatedAt.Should().Be("2024-06-06T12:00:00.123Z");
    }

    [Fact]
    public async Task A_failed_poll_changes_nothing_until_the_job_is_a_day_old_then_it_fails()
    {
        var jobId = await ScheduleAsync(); // the mock answers 404 for this job's status: nothing is queued for it
        await PolledAsync(jobId, 1, TimeSpan.Zero);
        var before = (await _api.FindJobAsync(jobId))!;

        _time.Advance(TimeSpan.FromHours(23));
        await PolledAsync(jobId, 2);
        (await _api.FindJobAsync(jobId)).Should().BeEquivalentTo(before, "a failed poll of a job younger than 24 h changes nothing");

        _time.Advance(TimeSpan.FromHours(1));
        var failed = await Eventually.ReturnsAsync(
            () => _api.FindJobAsync(jobId), j => j!.Status == "FAILED", "the job to be given up",
            between: () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return Task.CompletedTask;
            });

        failed!.StatusDetail.Should().Be("The job was not found on nRF Cloud. It may have been deleted.");
        failed.LastUpdatedAt.Should().MatchRegex(@"^2024-06-07T12:0\d:\d{2}\.\d{3}Z$", "the service stamps the time it gave up");
        var polls = await PollsAsync(jobId);
        _time.Advance(TimeSpan.FromHours(1));
        await PolledAsync(await ScheduleAsync(), 1);
        (await PollsAsync(jobId)).Should().Be(polls, "FAILED is final");
    }

    [Fact]
    public void Backoff_doubles_from_the_first_delay_up_to_the_maximum()
    {
        var options = new PollerOptions();

        Enumerable.Range(1, 7).Select(options.DelayAfter).Select(d => d.TotalSeconds)
            .Should().Equal(10, 20, 40, 80, 160, 300, 300);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task Only_a_404_ends_an_old_job_other_failures_never_do(HttpStatusCode failure)
    {
        var jobId = await ScheduleAsync();
        await AnswerStatusAsync(jobId, failure, "{\"message\":\"not now\"}");
        await PolledAsync(jobId, 1, TimeSpan.Zero);
        _time.Advance(TimeSpan.FromDays(2));
        var polls = await PollsAsync(jobId);
        await PolledAsync(jobId, polls + 3);

        (await _api.FindJobAsync(jobId))!.Status.Should().Be("QUEUED", $"a {(int)failure} says nothing about the job");

        await AnswerStatusAsync(jobId, HttpStatusCode.NotFound, "{\"message\":\"no such job\"}");
        await Eventually.ReturnsAsync(
            () => _api.FindJobAsync(jobId), j => j!.Status == "FAILED", "a 404 for a job older than 24 h to end it",
            between: () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task A_status_answer_for_another_job_is_a_failure()
    {
        var jobId = await ScheduleAsync();
        await AnswerStatusAsync(jobId, HttpStatusCode.OK, NrfCloudJson.Job("some-other-job", "CANCELLED"));

        await PolledAsync(jobId, 3);

        var job = (await _api.FindJobAsync(jobId))!;
        job.Status.Should().Be("QUEUED", "the answer was about another job");
        _api.Logs.Lines.Should().Contain(l => l.Contains($"Polling FOTA job {jobId} failed", StringComparison.Ordinal));
    }
}
