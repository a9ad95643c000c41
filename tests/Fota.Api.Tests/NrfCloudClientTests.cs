using System.Net;
using System.Net.Http.Headers;
using Fota.Api.NrfCloud;
using Fota.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.Api.Tests;

/// <summary>The idempotent call policy (status GET): transient failures retried, Retry-After honoured within the budget only, redirects never followed.</summary>
public sealed class NrfCloudClientTests
{
    private const string JobId = "job-1";
    private const string Route = "GET /v1/fota-jobs/job-1";

    private static NrfCloudAccount Account(FotaApiFactory api, Uri? endpoint = null) =>
        new("test", endpoint ?? new Uri(FotaApiFactory.ApiEndpoint), api.ApiKey);

    private static Task<NrfCloudResult<NrfCloudFotaJob>> GetAsync(FotaApiFactory api, Uri? endpoint = null) =>
        api.Services.GetRequiredService<NrfCloudClient>().GetFotaJobAsync(Account(api, endpoint), JobId, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_status_call_is_retried_on_transient_failures()
    {
        using var api = new FotaApiFactory();
        api.NrfCloud.Enqueue(Route, HttpStatusCode.ServiceUnavailable);
        api.NrfCloud.Enqueue(Route, (_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));
        api.NrfCloud.Enqueue(Route, HttpStatusCode.OK, NrfCloudJson.Job(JobId, "IN_PROGRESS"));

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        api.NrfCloud.CallsTo("GET", "/v1/fota-jobs/job-1").Should().HaveCount(3);
    }

    [Fact]
    public async Task A_Retry_After_within_the_budget_is_honoured()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["NrfCloud:MaxRetryDelay"] = "00:00:05" });
        api.NrfCloud.Enqueue(Route, HttpStatusCode.TooManyRequests, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        api.NrfCloud.Enqueue(Route, HttpStatusCode.OK, NrfCloudJson.Job(JobId, "IN_PROGRESS"));

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        var calls = api.NrfCloud.CallsTo("GET", "/v1/fota-jobs/job-1");
        calls.Should().HaveCount(2);
        // The two timestamps come from another clock than the retry delay, so allow timer granularity; without Retry-After the
        // retry would come after the 10 ms base delay.
        (calls[1].At - calls[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), "Retry-After: 1 is honoured");
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_budget_ends_the_call_at_once_and_reports_the_429()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?>
        {
            ["NrfCloud:TotalTimeout"] = "00:00:05",
            ["NrfCloud:MaxRetryDelay"] = "00:05:00",
        });
        api.NrfCloud.Always(Route, (_, _) => Task.FromResult(FakeNrfCloud.Response(
            HttpStatusCode.TooManyRequests, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(100)))));

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeFalse();
        result.Error!.StatusCode.Should().Be(429, "the 429 is the answer, not a timeout");
        result.Error.Detail.Should().Contain("nRF Cloud").And.Contain("429");
        api.NrfCloud.CallsTo("GET", "/v1/fota-jobs/job-1").Should().ContainSingle();
    }

    [Fact]
    public async Task A_status_answer_for_another_job_is_a_failure()
    {
        using var api = new FotaApiFactory();
        api.NrfCloud.Always(Route, HttpStatusCode.OK, NrfCloudJson.Job("some-other-job", "CANCELLED"));

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Detail.Should().Contain("job-1");
    }

    [Fact]
    public async Task Redirects_are_not_followed_over_real_HTTP()
    {
        await using var nrfCloud = new LoopbackServer(context =>
        {
            if (context.Request.Path.StartsWithSegments("/elsewhere"))
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("{\"jobId\":\"from-elsewhere\"}");
            }

            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = "/elsewhere" + context.Request.Path;
            return Task.CompletedTask;
        });
        await nrfCloud.StartAsync();
        using var api = new FotaApiFactory(realNrfCloud: nrfCloud.BaseAddress);
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        var status = await GetAsync(api, nrfCloud.BaseAddress);

        problem.Detail().Should().Contain("307");
        status.Error!.StatusCode.Should().Be(307);
        nrfCloud.Requests.Should().Equal(["POST /v1/fota-jobs", "GET /v1/fota-jobs/job-1"], "neither redirect was followed");
        (await client.ListJobsAsync(device)).Should().BeEmpty();
    }
}
