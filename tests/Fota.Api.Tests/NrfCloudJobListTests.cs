using System.Net;
using Fota.Api.NrfCloud;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>The jobs list reconciliation reads (SPEC §3.1): every page followed, each item's fields read, unusable items skipped. nRF Cloud is the real mock.</summary>
public sealed class NrfCloudJobListTests
{
    [Fact]
    public async Task Every_page_is_followed_and_each_job_read_with_its_device_bundle_and_creation_time()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        foreach (var page in new[]
        {
            """{"items":[{"jobId":"j1","createdAt":"2024-06-06T12:00:00.000Z","status":"QUEUED","firmware":{"bundleId":"APP*1e29dfa3*v2.0.0"},"target":{"deviceIds":["d1","d2"]}},{"status":"QUEUED"},7],"pageNextToken":"t/2"}""",
            """{"items":[{"jobId":"j2","createdAt":"not a time","target":{"deviceIds":["d3",4]}}]}""",
        })
        {
            await api.Mock.QueueAsync(api.ApiKey, "GET /v1/fota-jobs", HttpStatusCode.OK, page); // one-shot answers, in order
        }

        var account = new NrfCloudAccount("test", new Uri(api.NrfCloudEndpoint), api.ApiKey);

        var result = await api.Services.GetRequiredService<NrfCloudClient>().ListFotaJobsAsync(account, TestContext.Current.CancellationToken);

        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        result.Value.Should().BeEquivalentTo(
            [
                new NrfCloudListedJob("j1", new DateTimeOffset(2024, 6, 6, 12, 0, 0, TimeSpan.Zero), "APP*1e29dfa3*v2.0.0", ["d1", "d2"], "QUEUED"),
                new NrfCloudListedJob("j2", null, null, ["d3"], null),
            ],
            options => options.WithStrictOrdering(),
            "an item without a jobId cannot be adopted and is skipped");
        (await api.Mock.CallsAsync(api.ApiKey, "GET", "/v1/fota-jobs")).Select(c => c.Query).Should().Equal(["pageLimit=100", "pageLimit=100&pageNextToken=t%2F2"]);
    }

    [Fact]
    public async Task An_answer_without_an_items_array_is_a_failure_naming_nrf_cloud()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, "GET /v1/fota-jobs", HttpStatusCode.OK, """{"jobs":[]}""", keep: true);
        var account = new NrfCloudAccount("test", new Uri(api.NrfCloudEndpoint), api.ApiKey);

        var result = await api.Services.GetRequiredService<NrfCloudClient>().ListFotaJobsAsync(account, TestContext.Current.CancellationToken);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Detail.Should().Be("nRF Cloud answered GET /v1/fota-jobs with 200 OK but not with JSON holding an items array");
    }
}
