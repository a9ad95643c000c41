using System.Net;
using Fota.Api.Devices;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// GET /device/{deviceId}/fota/bundles: every page of nRF Cloud's firmware list, newest first, in the protocol's shape,
/// cached per account. Each test uses an account of its own, so the shared service's cache never leaks between tests.
/// nRF Cloud is the real mock (tests/README.md), but for the concurrency test: it holds nRF Cloud's answer until every
/// request has reached the cache, which the fake nRF Cloud does and the mock's fixed delays cannot.
/// </summary>
public sealed class BundlesTests(NoPollerMockApiFixture fixture) : IClassFixture<NoPollerMockApiFixture>
{
    private readonly FotaApiFactory _api = fixture.Api;

    [Fact]
    public async Task The_bundles_are_listed_in_the_protocols_shape_newest_first_and_those_without_a_date_last()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        await _api.ListFirmwaresAsync(apiKey, BundleAndCancelApi.FirmwarePage([
            ("APP*0103b0f9*v1.0.0", "2023-01-10T10:00:00.000Z"),
            ("MODEM*aa11bb22*mfw_nrf91x1_2.0.1", null),
            ("APP*0103b0f9*v2.0.0", "2023-06-29T14:18:19.000Z"),
            ("BOOT*cc33dd44*v1.1.0", null),
            ("APP*0103b0f9*v1.5.0", "2023-03-01T09:30:00+02:00"),
        ]));
        using var client = _api.CreateClient();

        var response = await client.GetBundlesAsync(device);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the service caches; clients always ask it");
        var body = await response.JsonAsync();
        Contract.ShouldValidate(body, Contract.Bundles);
        body["@context"]!.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/fota/bundles");
        body["deviceId"]!.GetValue<string>().Should().Be(device.DeviceId);
        body.BundleIds().Should().Equal(
            ["APP*0103b0f9*v2.0.0", "APP*0103b0f9*v1.5.0", "APP*0103b0f9*v1.0.0", "MODEM*aa11bb22*mfw_nrf91x1_2.0.1", "BOOT*cc33dd44*v1.1.0"],
            "newest lastModified first; bundles without it last, in nRF Cloud's order");
        body["bundles"]![0]!.ToJsonString().Should().Be(
            "{\"@context\":\"https://github.com/hello-nrfcloud/proto/fota/bundle\",\"bundleId\":\"APP*0103b0f9*v2.0.0\",\"version\":\"v2.0.0\",\"type\":\"APP\"}",
            "only the protocol's fields, nRF Cloud's others (size, filenames, name) are dropped");
        var call = (await _api.FirmwareCallsAsync(apiKey)).Should().ContainSingle().Subject;
        call.Query.Should().Be("pageLimit=100");
        call.Headers["Accept"].Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task Every_page_is_followed_until_nRF_Cloud_gives_no_token()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        var first = BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v1.0.0", "2023-01-01T00:00:00.000Z")], pageNextToken: "page/2+=");
        var second = BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v2.0.0", "2024-01-01T00:00:00.000Z")]);
        await _api.ListFirmwaresAsync(apiKey, first);
        await _api.ListFirmwaresAsync(apiKey, second, query: "?pageNextToken=/./");
        using var client = _api.CreateClient();

        var body = await (await client.GetBundlesAsync(device)).JsonAsync();

        body.BundleIds().Should().Equal(["APP*0103b0f9*v2.0.0", "APP*0103b0f9*v1.0.0"], "both pages, sorted together");
        (await _api.FirmwareCallsAsync(apiKey)).Select(c => c.Query).Should().Equal(
            "pageLimit=100", "pageLimit=100&pageNextToken=page%2F2%2B%3D");
        (await _api.FirmwareCallsAsync(apiKey)).Should().OnlyContain(c => c.Headers["Authorization"] == $"Bearer {apiKey}");
    }

    [Fact]
    public async Task An_account_without_bundles_gets_an_empty_list()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        await _api.ListFirmwaresAsync(apiKey, "{\"items\":[],\"total\":0}");
        using var client = _api.CreateClient();

        var body = await (await client.GetBundlesAsync(device)).JsonAsync();

        Contract.ShouldValidate(body, Contract.Bundles);
        body.ToJsonString().Should().Be(
            $"{{\"@context\":\"https://github.com/hello-nrfcloud/proto/fota/bundles\",\"deviceId\":\"{device.DeviceId}\",\"bundles\":[]}}");
    }

    [Fact]
    public async Task Firmwares_without_a_bundle_id_version_or_type_are_left_out()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        await _api.ListFirmwaresAsync(apiKey, """
            {"items":[
              {"bundleId":"APP*0103b0f9*v2.0.0","version":"v2.0.0","type":"APP"},
              {"version":"v3.0.0","type":"APP"},
              {"bundleId":"APP*0103b0f9*v4.0.0","type":"APP"},
              {"bundleId":"APP*0103b0f9*v5.0.0","version":"v5.0.0","type":""},
              "not an object",
              {"bundleId":"APP*0103b0f9*v6.0.0","version":"v6.0.0","type":"APP","lastModified":"not a date"}
            ],"total":6}
            """);
        using var client = _api.CreateClient();

        var body = await (await client.GetBundlesAsync(device)).JsonAsync();

        Contract.ShouldValidate(body, Contract.Bundles);
        body.BundleIds().Should().Equal(["APP*0103b0f9*v2.0.0", "APP*0103b0f9*v6.0.0"], "a lastModified that is no date counts as none");
        _api.Logs.Lines.Should().Contain(l => l.Contains("without bundleId, version or type", StringComparison.Ordinal) && l.Contains("Count=4", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "{\"message\":\"maintenance\"}", "503")]
    [InlineData(HttpStatusCode.Unauthorized, "{\"message\":\"bad key\"}", "401")]
    [InlineData(HttpStatusCode.OK, "{\"total\":1}", "items")]
    [InlineData(HttpStatusCode.OK, "not json", "items")]
    public async Task A_failure_is_a_500_naming_nRF_Cloud_and_is_not_cached(HttpStatusCode status, string answer, string named)
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        await _api.Mock.QueueAsync(apiKey, BundleAndCancelApi.FirmwaresRoute, status, answer, keep: true);
        using var client = _api.CreateClient();

        var problem = await (await client.GetBundlesAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem["type"]!.GetValue<string>().Should().Be("https://hello.nrfcloud.com/errors/InternalError");
        problem["title"]!.GetValue<string>().Should().Be("Fetching FOTA bundles failed");
        problem.Detail().Should().Contain("nRF Cloud").And.Contain("GET /v1/firmwares").And.Contain(named).And.NotContain(apiKey);
        var calls = (await _api.FirmwareCallsAsync(apiKey)).Count;

        await _api.ListFirmwaresAsync(apiKey, BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v2.0.0", null)]));
        var retried = await client.GetBundlesAsync(device);

        retried.StatusCode.Should().Be(HttpStatusCode.OK, "the failure was not cached");
        (await _api.FirmwareCallsAsync(apiKey)).Should().HaveCount(calls + 1);
    }

    [Fact]
    public async Task A_failing_second_page_fails_the_whole_list()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        var first = BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v1.0.0", null)], pageNextToken: "two");
        await _api.ListFirmwaresAsync(apiKey, first);
        await _api.Mock.QueueAsync(apiKey, BundleAndCancelApi.FirmwaresRoute + "?pageNextToken=/./", HttpStatusCode.BadRequest, "{\"message\":\"Invalid token\"}", keep: true);
        using var client = _api.CreateClient();

        var problem = await (await client.GetBundlesAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("400")
            .And.NotContain("Invalid token", "nRF Cloud's body never reaches callers");
        (await _api.FirmwareCallsAsync(apiKey)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_page_token_given_twice_is_a_failure_not_an_endless_listing()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        await _api.ListFirmwaresAsync(apiKey, BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v1.0.0", null)], pageNextToken: "again"));
        using var client = _api.CreateClient();

        var problem = await (await client.GetBundlesAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("pageNextToken");
        (await _api.FirmwareCallsAsync(apiKey)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_page_token_echoing_the_api_key_never_reaches_the_caller()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        await _api.ListFirmwaresAsync(
            apiKey,
            BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v1.0.0", null)], pageNextToken: string.Concat(Enumerable.Repeat($"Bearer {apiKey}", 50))));
        using var client = _api.CreateClient();

        var problem = await (await client.GetBundlesAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("GET /v1/firmwares").And.Contain("pageNextToken")
            .And.NotContain(apiKey, "a value nRF Cloud sent never reaches a caller");
    }

    [Fact]
    public async Task The_device_checks_come_first_400_then_404_then_403_and_nRF_Cloud_is_not_called()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        var (other, _) = await _api.RegisterDeviceInOwnAccountAsync();
        using var client = _api.CreateClient();

        var invalid = await client.GetAsync(BundleAndCancelApi.BundlesPath(device, "not-a-fingerprint"), TestContext.Current.CancellationToken);
        var missing = await client.GetAsync("/device/oob-000000000000000/fota/bundles?fingerprint=" + device.Fingerprint, TestContext.Current.CancellationToken);
        var foreign = await client.GetAsync(BundleAndCancelApi.BundlesPath(device, other.Fingerprint), TestContext.Current.CancellationToken);

        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("fingerprint");
        (await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>().Should().Be("No device found with ID!");
        (await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden))["title"]!.GetValue<string>().Should().Be("Fingerprint does not match!");
        (await _api.FirmwareCallsAsync(apiKey)).Should().BeEmpty();
    }

    [Fact]
    public async Task Concurrent_requests_for_one_account_share_one_nRF_Cloud_listing()
    {
        const int requests = 8;
        await using var api = new FotaApiFactory(settings: ApiFixture.NoPoller); // the fake nRF Cloud: it holds the answer
        var apiKey = $"key-{Guid.NewGuid():N}";
        var account = await api.PutAccountAsync(apiKey);
        var devices = new List<DeviceResponse>();
        for (var i = 0; i < requests; i++)
        {
            devices.Add(await api.RegisterDeviceInAsync(account));
        }

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.NrfCloud.Always("GET /v1/firmwares", async (_, token) =>
        {
            await release.Task.WaitAsync(token);
            return FakeNrfCloud.Response(HttpStatusCode.OK, BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v2.0.0", null)]));
        });
        using var client = api.CreateClient();

        var answers = devices.Select(client.GetBundlesAsync).ToList();
        // Every request has reached the cache before nRF Cloud answers the first listing.
        await Eventually.TrueAsync(
            () => api.Logs.Lines.Count(l => l.Contains("Looking up the FOTA bundles of account " + account, StringComparison.Ordinal)) == requests,
            $"{requests} requests to look up the bundles");
        release.SetResult();
        var responses = await Task.WhenAll(answers);

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        api.NrfCloud.CallsTo("GET", "/v1/firmwares").Should().ContainSingle("one nRF Cloud listing serves all requests");
        (await Task.WhenAll(responses.Select(r => r.JsonAsync()))).Select(b => b["deviceId"]!.GetValue<string>())
            .Should().Equal(devices.Select(d => d.DeviceId), "each answer names its own device");
    }

    [Fact]
    public async Task Each_account_has_its_own_list_and_an_updated_account_is_listed_anew()
    {
        var (device, apiKey) = await _api.RegisterDeviceInOwnAccountAsync();
        var (other, otherKey) = await _api.RegisterDeviceInOwnAccountAsync();
        var newKey = $"key-{Guid.NewGuid():N}";
        foreach (var key in new[] { apiKey, otherKey, newKey })
        {
            await _api.ListFirmwaresAsync(key, BundleAndCancelApi.FirmwarePage([($"APP*0103b0f9*{key}", null)]));
        }

        using var client = _api.CreateClient();

        (await (await client.GetBundlesAsync(device)).JsonAsync()).BundleIds().Should().Equal($"APP*0103b0f9*{apiKey}");
        (await (await client.GetBundlesAsync(other)).JsonAsync()).BundleIds().Should().Equal($"APP*0103b0f9*{otherKey}");

        await _api.PutAccountAsync(newKey, name: device.Account);

        (await (await client.GetBundlesAsync(device)).JsonAsync()).BundleIds().Should().Equal(
            [$"APP*0103b0f9*{newKey}"], "the cache entry belongs to the account's old key");
        (await (await client.GetBundlesAsync(other)).JsonAsync()).BundleIds().Should().Equal($"APP*0103b0f9*{otherKey}");
        (await _api.FirmwareCallsAsync(otherKey)).Should().ContainSingle("the other account's list is still cached");
    }

    [Fact]
    public async Task A_list_is_cached_for_the_configured_duration_then_listed_anew()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 6, 12, 0, 0, TimeSpan.Zero));
        await using var api = new FotaApiFactory(time: time, mock: new InProcessMockNrfCloud(), settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
            ["Fota:Bundles:CacheDuration"] = "00:02:00",
        });
        var device = await api.RegisterDeviceAsync();
        await api.ListFirmwaresAsync(api.ApiKey, BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v1.0.0", null)]));
        using var client = api.CreateClient();

        (await client.GetBundlesAsync(device)).StatusCode.Should().Be(HttpStatusCode.OK);
        await api.ListFirmwaresAsync(api.ApiKey, BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v2.0.0", null)]));
        time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1));
        var cached = await (await client.GetBundlesAsync(device)).JsonAsync();

        cached.BundleIds().Should().Equal(["APP*0103b0f9*v1.0.0"], "within the cache duration the list is the cached one");
        (await api.FirmwareCallsAsync(api.ApiKey)).Should().ContainSingle("a cached list makes no nRF Cloud call");

        time.Advance(TimeSpan.FromMilliseconds(2));
        var fresh = await (await client.GetBundlesAsync(device)).JsonAsync();

        fresh.BundleIds().Should().Equal(["APP*0103b0f9*v2.0.0"]);
        (await api.FirmwareCallsAsync(api.ApiKey)).Should().HaveCount(2, "after the cache duration, exactly one new listing");
    }

    [Fact]
    public async Task A_cache_duration_of_zero_lists_at_nRF_Cloud_every_time()
    {
        await using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud(), settings: new Dictionary<string, string?>
        {
            ["Fota:Poller:Enabled"] = "false",
            ["Fota:Bundles:CacheDuration"] = "00:00:00",
        });
        var device = await api.RegisterDeviceAsync();
        await api.ListFirmwaresAsync(api.ApiKey, BundleAndCancelApi.FirmwarePage([("APP*0103b0f9*v1.0.0", null)]));
        using var client = api.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetBundlesAsync(device)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await api.FirmwareCallsAsync(api.ApiKey)).Should().HaveCount(3);
    }
}
