using System.Net;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Fota.Api.Tests;

/// <summary>nRF Cloud failing: transient failures are retried (boundedly, Retry-After honoured); the last failure is a 500 and nothing is stored.</summary>
public sealed class UpstreamTests
{
    [Fact]
    public async Task A_failing_nRF_Cloud_is_a_500_naming_it_and_its_status_and_nothing_is_stored()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Always("POST /v1/fota-jobs", HttpStatusCode.ServiceUnavailable, "{\"message\":\"maintenance window\"}");
        using var client = api.CreateClient();

        var response = await client.ScheduleAsync(device);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem["type"]!.GetValue<string>().Should().Be("https://hello.nrfcloud.com/errors/InternalError");
        problem["title"]!.GetValue<string>().Should().Be("Scheduling FOTA update failed");
        problem.Detail().Should().Contain("nRF Cloud").And.Contain("503").And.Contain("maintenance window");
        api.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Should().HaveCount(3, "a 503 is retried, at most NrfCloud:MaxRetries (2) times");
        (await client.ListJobsAsync(device)).Should().BeEmpty("a job nRF Cloud did not create is not stored");
    }

    [Fact]
    public async Task A_client_error_from_nRF_Cloud_is_not_retried()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Always("POST /v1/fota-jobs", HttpStatusCode.BadRequest, "{\"message\":\"Unknown bundle\",\"code\":40001}");
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("400").And.Contain("Unknown bundle");
        api.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Should().ContainSingle();
        (await client.ListJobsAsync(device)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"jobId\":\"\"}")]
    [InlineData("not json")]
    [InlineData("[\"jobId\"]")]
    public async Task A_success_without_a_job_id_is_a_failure(string body)
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Always("POST /v1/fota-jobs", HttpStatusCode.OK, body);
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("jobId");
        (await client.ListJobsAsync(device)).Should().BeEmpty();
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_nRF_Cloud_answers()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        var jobId = Guid.NewGuid().ToString();
        api.NrfCloud.Enqueue("POST /v1/fota-jobs", HttpStatusCode.BadGateway);
        api.NrfCloud.Enqueue("POST /v1/fota-jobs", (_, _) => throw new HttpRequestException("Connection refused"));
        api.NrfCloud.AcceptCreate(jobId);
        using var client = api.CreateClient();

        var response = await client.ScheduleAsync(device);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var creates = api.NrfCloud.CallsTo("POST", "/v1/fota-jobs");
        creates.Should().HaveCount(3);
        creates.Select(c => c.BodyText).Distinct().Should().ContainSingle("every attempt sends the same body");
        (await client.ListJobsAsync(device)).Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(jobId);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_Retry_After_asks_for()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 6, 12, 0, 0, TimeSpan.Zero));
        using var api = new FotaApiFactory(time: time);
        api.NrfCloud.Clock = time;
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Enqueue("POST /v1/fota-jobs", HttpStatusCode.TooManyRequests, "{}",
            r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));
        api.NrfCloud.AcceptCreate(Guid.NewGuid().ToString());
        using var client = api.CreateClient();

        var schedule = client.ScheduleAsync(device);
        // Only our steps move this clock, so the clock time between the two calls is the wait the service chose.
        await Eventually.TrueAsync(
            () => api.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Count >= 2,
            "the 429 to be retried",
            between: () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return Task.CompletedTask;
            });

        (await schedule).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var creates = api.NrfCloud.CallsTo("POST", "/v1/fota-jobs");
        (creates[1].At - creates[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30), "Retry-After: 30 is honoured");
    }

    [Fact]
    public async Task A_slow_nRF_Cloud_times_out_into_a_500()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?>
        {
            ["NrfCloud:AttemptTimeout"] = "00:00:00.050",
            ["NrfCloud:TotalTimeout"] = "00:00:00.500",
            ["NrfCloud:MaxRetries"] = "1",
        });
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Always("POST /v1/fota-jobs", async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return FakeNrfCloud.Response(HttpStatusCode.OK, "{\"jobId\":\"late\"}");
        });
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("in time");
        api.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Should().HaveCount(2, "a timed-out attempt is retried once (MaxRetries 1)");
        (await client.ListJobsAsync(device)).Should().BeEmpty();
    }
}
