using System.Net;
using Fota.Api.NrfCloud;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud;

namespace Fota.Api.Tests.DeviceStates;

/// <summary>SPEC §3.5's device list call: its query, its retries, the ≤ 100 ids rule, and failures that never echo nRF Cloud.
/// nRF Cloud is the real mock (tests/README.md).</summary>
public sealed class NrfCloudDeviceListTests
{
    private static Task<NrfCloudResult<IReadOnlyList<NrfCloudDeviceState>>> ListAsync(FotaApiFactory api, IReadOnlyCollection<string> ids) =>
        api.Services.GetRequiredService<NrfCloudClient>().ListDeviceStatesAsync(
            new NrfCloudAccount("test", new Uri(api.NrfCloudEndpoint), api.ApiKey), ids, TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_call_asks_for_state_and_its_metadata_of_the_listed_devices()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, DeviceShadows.Route, HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item("oob-1"), DeviceShadows.Item("oob-2", appVersion: "2.0.1")), keep: true);

        var result = await ListAsync(api, ["oob-1", "oob-2"]);

        result.IsSuccess.Should().BeTrue();
        result.Value!.Select(d => d.Id).Should().Equal("oob-1", "oob-2");
        result.Value![1].ReportedJson.Should().Contain("\"appVersion\":\"2.0.1\"");
        result.Value![1].MetadataReportedJson.Should().Contain("\"timestamp\":1716801888");
        var call = (await api.Mock.CallsAsync(apiKey: null)).Should().ContainSingle().Subject;
        (call.Method, call.Path, call.Query).Should().Be(("GET", "/v1/devices", "includeState=true&includeStateMeta=true&pageLimit=100&deviceIds=oob-1,oob-2"));
        call.Headers["Authorization"].Should().Be($"Bearer {api.ApiKey}");
        call.Headers["Accept"].Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task The_call_is_retried_on_a_transient_failure()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, DeviceShadows.Route, HttpStatusCode.BadGateway); // one-shot answers, in order
        await api.Mock.QueueAsync(api.ApiKey, DeviceShadows.Route, HttpStatusCode.OK, DeviceShadows.Answer(DeviceShadows.Item("oob-1")));

        (await ListAsync(api, ["oob-1"])).IsSuccess.Should().BeTrue();
        (await api.Mock.CallsAsync(apiKey: null)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_failure_names_nRF_Cloud_and_the_status_never_its_body()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        await api.Mock.QueueAsync(api.ApiKey, DeviceShadows.Route, HttpStatusCode.Forbidden, """{"message":"secret-upstream-text"}""", keep: true);

        var result = await ListAsync(api, ["oob-1"]);

        result.IsSuccess.Should().BeFalse();
        result.Error!.StatusCode.Should().Be(403);
        result.Error.Detail.Should().Contain("nRF Cloud").And.Contain("403").And.NotContain("secret-upstream-text");
    }

    [Fact]
    public async Task More_than_100_ids_or_none_are_refused_before_calling()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var tooMany = Enumerable.Range(0, 101).Select(i => $"oob-{i}").ToList();

        await FluentActions.Awaiting(() => ListAsync(api, tooMany)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => ListAsync(api, [])).Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await api.Mock.CallsAsync(apiKey: null)).Should().BeEmpty();
    }
}
