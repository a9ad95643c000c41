using System.Net;
using Fota.Api.NrfCloud;
using Fota.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud;
using MockNrfCloud.Abstractions;

namespace Fota.Api.Tests;

/// <summary>The idempotent call policy (status GET): transient failures retried, Retry-After honoured within the budget only, redirects never followed.
/// nRF Cloud is the real mock (tests/README.md), but for the redirect test: a <see cref="LoopbackServer"/> answers every path
/// with a redirect and the redirect's target, so the client's own HTTP handling is what is checked.</summary>
public sealed class NrfCloudClientTests
{
    private const string JobId = "job-1";
    private const string Route = "GET /v1/fota-jobs/job-1";

    private static NrfCloudAccount Account(FotaApiFactory api, Uri? endpoint = null) =>
        new("test", endpoint ?? new Uri(api.NrfCloudEndpoint), api.ApiKey);

    private static Task<IReadOnlyList<RecordedRequest>> StatusCallsAsync(FotaApiFactory api) =>
        api.Mock.CallsAsync(api.ApiKey, "GET", "/v1/fota-jobs/job-1");

    private static Task<NrfCloudResult<NrfCloudFotaJob>> GetAsync(FotaApiFactory api, Uri? endpoint = null) =>
        api.Services.GetRequiredService<NrfCloudClient>().GetFotaJobAsync(Account(api, endpoint), JobId, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_status_call_is_retried_on_transient_failures()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.ServiceUnavailable); // one-shot answers, in order
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.OK, null, false, "X-Mock-Drop: true"); // a reset connection
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.OK, NrfCloudJson.Job(JobId, "IN_PROGRESS"));

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        (await StatusCallsAsync(api)).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_Retry_After_within_the_budget_is_honoured()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["NrfCloud:MaxRetryDelay"] = "00:00:05" }, mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.TooManyRequests, "{}", false, "Retry-After: 1");
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.OK, NrfCloudJson.Job(JobId, "IN_PROGRESS"));

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        var calls = await StatusCallsAsync(api);
        calls.Should().HaveCount(2);
        // The two timestamps come from another clock than the retry delay, so allow timer granularity; without Retry-After the
        // retry would come after the 10 ms base delay.
        (calls[1].Time - calls[0].Time).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), "Retry-After: 1 is honoured");
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_budget_ends_the_call_at_once_and_reports_the_429()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?>
        {
            ["NrfCloud:TotalTimeout"] = "00:00:05",
            ["NrfCloud:MaxRetryDelay"] = "00:05:00",
        }, mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.TooManyRequests, "{}", true, "Retry-After: 100");

        var result = await GetAsync(api);

        result.IsSuccess.Should().BeFalse();
        result.Error!.StatusCode.Should().Be(429, "the 429 is the answer, not a timeout");
        result.Error.Detail.Should().Contain("nRF Cloud").And.Contain("429");
        (await StatusCallsAsync(api)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_status_answer_for_another_job_is_a_failure()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, Route, HttpStatusCode.OK, NrfCloudJson.Job("some-other-job", "CANCELLED"), keep: true);

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
