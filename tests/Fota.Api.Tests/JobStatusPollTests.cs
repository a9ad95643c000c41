using System.Net;
using Fota.Api.Jobs.Polling;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// One status poll's decision (<see cref="JobStatusPoll"/>), on a fake clock and with the background poller off: what is
/// written, whether the stored timestamp is kept, and when the job is polled next. nRF Cloud is the real mock (its answers
/// are fixed; only the service runs on the fake clock).
/// </summary>
public sealed class JobStatusPollTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);

    // FirstRetryDelay 10 s, doubling: a job with 3 unchanged polls behind it waits 80 s after a 4th.
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FourthDelay = TimeSpan.FromSeconds(80);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly FotaApiFactory _api;

    public JobStatusPollTests()
    {
        _api = new FotaApiFactory(time: _time, mock: new InProcessMockNrfCloud(), settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
            ["Fota:Poller:FirstRetryDelay"] = "00:00:10",
            ["Fota:Poller:MaxRetryDelay"] = "00:05:00",
        });
    }

    public async ValueTask InitializeAsync() => await _api.RegisterDeviceAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    /// <summary>A claimed IN_PROGRESS job, "Downloading", v1.0.0, with 3 unchanged polls behind it.</summary>
    private static ClaimedJob Job(TimeSpan? age = null, string account = FotaApiFactory.AccountName) =>
        new(Guid.NewGuid().ToString(), account, "IN_PROGRESS", "Downloading", "v1.0.0", Now - (age ?? TimeSpan.FromHours(1)), 3, Now + TimeSpan.FromMinutes(1));

    private async Task<PollOutcome> PollAsync(ClaimedJob job, HttpStatusCode status, string json)
    {
        await _api.Mock.QueueAsync(_api.ApiKey, $"GET /v1/fota-jobs/{job.JobId}", status, json, keep: true);
        using var scope = _api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JobStatusPoll>().RunAsync(job, TestContext.Current.CancellationToken);
    }

    private bool Logged(string text) => _api.Logs.Lines.Any(line => line.Contains(text, StringComparison.Ordinal));

    [Theory]
    [InlineData("DOWNLOADING", "Downloading", "v1.0.0")]
    [InlineData("IN_PROGRESS", "Installing", "v1.0.0")]
    [InlineData("IN_PROGRESS", null, "v1.0.0")]
    [InlineData("IN_PROGRESS", "Downloading", "v2.0.0")]
    public async Task A_change_of_status_detail_or_version_alone_is_stamped_and_restarts_the_backoff(string status, string? statusDetail, string version)
    {
        var job = Job();

        var outcome = await PollAsync(job, HttpStatusCode.OK, NrfCloudJson.Job(job.JobId, status, statusDetail, version: version));

        outcome.Update.Should().Be(new JobStatusUpdate(status, statusDetail, version, Timestamps.Format(Now), IsFinal: false));
        outcome.UnchangedPolls.Should().Be(1);
        outcome.NextPollAt.Should().Be(Now + FirstDelay);
    }

    [Fact]
    public async Task An_unchanged_poll_keeps_the_stored_timestamp_and_backs_off()
    {
        var job = Job();

        var outcome = await PollAsync(job, HttpStatusCode.OK, NrfCloudJson.Job(job.JobId, "IN_PROGRESS", "Downloading"));

        outcome.Update.Should().Be(
            new JobStatusUpdate("IN_PROGRESS", "Downloading", "v1.0.0", LastUpdatedAt: null, IsFinal: false), "nothing changed and nRF Cloud gave no time");
        outcome.UnchangedPolls.Should().Be(4);
        outcome.NextPollAt.Should().Be(Now + FourthDelay);
        Logged($"FOTA job {job.JobId} is IN_PROGRESS (final: False)").Should().BeTrue();
    }

    [Theory]
    [InlineData("IN_PROGRESS", "Downloading", false, 4)] // unchanged
    [InlineData("COMPLETED", "All executions in terminal status", true, 1)] // changed
    public async Task nRF_Clouds_timestamp_is_written_verbatim_whether_or_not_the_job_changed(string status, string statusDetail, bool isFinal, int unchangedPolls)
    {
        var job = Job();

        var outcome = await PollAsync(job, HttpStatusCode.OK, NrfCloudJson.Job(job.JobId, status, statusDetail, "2024-06-06T11:00:00.5Z", "v1.0.0"));

        outcome.Update.Should().Be(new JobStatusUpdate(status, statusDetail, "v1.0.0", "2024-06-06T11:00:00.5Z", isFinal));
        outcome.UnchangedPolls.Should().Be(unchangedPolls);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_failed_poll_writes_nothing_and_backs_off(HttpStatusCode failure)
    {
        var job = Job(age: TimeSpan.FromHours(23));

        var outcome = await PollAsync(job, failure, "{\"message\":\"no\"}");

        outcome.Update.Should().BeNull();
        outcome.UnchangedPolls.Should().Be(4);
        outcome.NextPollAt.Should().Be(Now + FourthDelay);
        Logged($"Polling FOTA job {job.JobId} failed, will retry").Should().BeTrue();
    }

    [Fact]
    public async Task A_404_for_a_job_exactly_24_hours_old_fails_it_at_once()
    {
        var job = Job(age: TimeSpan.FromDays(1));

        var outcome = await PollAsync(job, HttpStatusCode.NotFound, "{\"message\":\"no such job\"}");

        outcome.Update.Should().Be(new JobStatusUpdate("FAILED", JobStatusPoll.NotFoundDetail, "v1.0.0", Timestamps.Format(Now), IsFinal: true));
        outcome.NextPollAt.Should().Be(Now);
        outcome.UnchangedPolls.Should().Be(4);
        Logged($"FOTA job {job.JobId} is older than").Should().BeTrue();
    }

    [Fact]
    public async Task A_404_for_a_job_just_under_24_hours_old_changes_nothing()
    {
        var job = Job(age: TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1));

        var outcome = await PollAsync(job, HttpStatusCode.NotFound, "{\"message\":\"no such job\"}");

        outcome.Update.Should().BeNull();
    }

    [Fact]
    public async Task Another_failure_never_fails_an_old_job()
    {
        var job = Job(age: TimeSpan.FromDays(2));

        var outcome = await PollAsync(job, HttpStatusCode.BadRequest, "{\"message\":\"no\"}");

        outcome.Update.Should().BeNull();
        outcome.NextPollAt.Should().Be(Now + FourthDelay);
    }

    [Fact]
    public async Task A_job_whose_account_is_no_longer_configured_is_not_sent_to_nRF_Cloud()
    {
        var job = Job(account: "gone");

        var outcome = await PollAsync(job, HttpStatusCode.OK, NrfCloudJson.Job(job.JobId, "COMPLETED"));

        outcome.Update.Should().BeNull();
        outcome.UnchangedPolls.Should().Be(4);
        outcome.NextPollAt.Should().Be(Now + FourthDelay, "it backs off as after a failed poll");
        (await _api.Mock.CallsAsync(apiKey: null, "GET", $"/v1/fota-jobs/{job.JobId}")).Should().BeEmpty();
        Logged("account 'gone' is not configured").Should().BeTrue();
    }
}
