using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
using MockNrfCloud.Abstractions.Simulator;
using MockNrfCloud.Simulator;
using MockNrfCloud.Tests.Support;

namespace MockNrfCloud.Tests.Simulator;

/// <summary>
/// Simulator mode (SPEC 4.1), run once per <see cref="IMockNrfCloud"/> implementation (in-process and over the admin HTTP
/// API; see the derived classes). Each test starts its own simulator on a fake clock, so no test sleeps.
/// </summary>
public abstract class SimulatorContract
{
    protected static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    protected static readonly TimeSpan ReportDelay = TimeSpan.FromSeconds(7);
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;

    private readonly string _key = MockUnderTest.NewApiKey();

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected abstract MockUnderTest CreateDedicated(MockOptions options, TimeProvider timeProvider);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_goes_queued_in_progress_completed_one_step_at_a_time()
    {
        await using var mock = Simulator();
        var jobId = await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");

        var queued = await JobAsync(mock, jobId);
        queued["status"]!.GetValue<string>().Should().Be("QUEUED");
        queued["createdAt"]!.GetValue<string>().Should().Be("2026-12-04T10:00:00.000Z");
        JsonMatcherPartial(queued, """
            {"jobId":"JOB","firmware":{"bundleId":"APP*1e29dfa3*v2.0.1","version":"v2.0.1","firmwareType":"APP"},"target":{"deviceIds":["d1"]}}
            """.Replace("JOB", jobId, StringComparison.Ordinal));

        Clock.Advance(Step - TimeSpan.FromMilliseconds(1));
        (await JobAsync(mock, jobId))["status"]!.GetValue<string>().Should().Be("QUEUED", "a step has not passed yet");
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var inProgress = await JobAsync(mock, jobId);
        inProgress["status"]!.GetValue<string>().Should().Be("IN_PROGRESS");
        inProgress["lastUpdatedAt"]!.GetValue<string>().Should().Be("2026-12-04T10:00:05.000Z");
        Clock.Advance(Step);
        var completed = await JobAsync(mock, jobId);
        completed["status"]!.GetValue<string>().Should().Be("COMPLETED");
        completed["lastUpdatedAt"]!.GetValue<string>().Should().Be("2026-12-04T10:00:10.000Z");
        completed["createdAt"]!.GetValue<string>().Should().Be("2026-12-04T10:00:00.000Z");
        Clock.Advance(TimeSpan.FromHours(1));
        (await JobAsync(mock, jobId))["status"]!.GetValue<string>().Should().Be("COMPLETED", "a final status stays");
    }

    [Fact]
    public async Task A_device_is_known_on_first_mention_with_the_default_state_in_nRF_Clouds_shape()
    {
        await using var mock = Simulator();

        var (status, json) = await mock.CallForJsonAsync(_key, Get, "/v1/devices?includeState=true&includeStateMeta=true&pageLimit=100&deviceIds=d1");

        status.Should().Be(200);
        var ts = Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonMatcher.Exact(JsonNode.Parse("""
            {"items":[{"id":"d1","$meta":{"createdAt":"2026-12-04T10:00:00.000Z","updatedAt":"2026-12-04T10:00:00.000Z"},
              "state":{
                "reported":{"device":{"deviceInfo":{"appVersion":"2.0.0","modemFirmware":"mfw_nrf91x1_2.0.1","imei":"IMEI","board":"thingy91x","hwVer":"nRF9151 LACA ADA"},
                                      "serviceInfo":{"fota_v2":["BOOT","MODEM","APP"]}}},
                "desired":{},
                "metadata":{"reported":{"device":{"deviceInfo":{"appVersion":{"timestamp":TS},"modemFirmware":{"timestamp":TS},"imei":{"timestamp":TS},"board":{"timestamp":TS},"hwVer":{"timestamp":TS}},
                                                  "serviceInfo":{"fota_v2":[{"timestamp":TS},{"timestamp":TS},{"timestamp":TS}]}}}},
                "version":1}}],
             "total":1}
            """.Replace("TS", ts, StringComparison.Ordinal).Replace("IMEI", Imei(json!, 0), StringComparison.Ordinal)), json).Should().BeEmpty();
        Imei(json!, 0).Should().MatchRegex("^[0-9]{15}$");
    }

    [Fact]
    public async Task After_a_completed_job_and_the_report_delay_the_device_reports_the_bundles_version()
    {
        await using var mock = Simulator();
        await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");
        await CreateJobAsync(mock, "MODEM*8d1f2b4c*mfw_nrf91x1_2.0.2", "d2");

        Clock.Advance(Step + Step + ReportDelay - TimeSpan.FromSeconds(1));
        var before = await DevicesAsync(mock, "d1,d2");
        Reported(before, 0, "appVersion").Should().Be("2.0.0", "the report delay has not passed");
        Reported(before, 1, "modemFirmware").Should().Be("mfw_nrf91x1_2.0.1");

        Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await DevicesAsync(mock, "d1,d2");
        Reported(after, 0, "appVersion").Should().Be("2.0.1", "an APP bundle's version without its 'v'");
        Reported(after, 0, "modemFirmware").Should().Be("mfw_nrf91x1_2.0.1");
        Reported(after, 1, "modemFirmware").Should().Be("mfw_nrf91x1_2.0.2", "a MODEM bundle's version as is");
        Reported(after, 1, "appVersion").Should().Be("2.0.0");
        var reportedAt = (Start + Step + Step + ReportDelay).ToUnixTimeSeconds();
        var device = after["items"]![0]!;
        device["state"]!["version"]!.GetValue<long>().Should().Be(2);
        var meta = device["state"]!["metadata"]!["reported"]!["device"]!["deviceInfo"]!;
        meta["appVersion"]!["timestamp"]!.GetValue<long>().Should().Be(reportedAt);
        meta["imei"]!["timestamp"]!.GetValue<long>().Should().Be(Start.ToUnixTimeSeconds(), "only the reported value is fresh");
        device["$meta"]!["updatedAt"]!.GetValue<string>().Should().Be(SimulatorJson.Time(Start + Step + Step + ReportDelay));

        Clock.Advance(TimeSpan.FromMinutes(5));
        (await DevicesAsync(mock, "d1"))["items"]![0]!["state"]!["version"]!.GetValue<long>().Should().Be(2, "a job reports once");
    }

    [Fact]
    public async Task An_upgrade_path_runs_two_steps_with_the_device_reporting_each()
    {
        await using var mock = Simulator();
        await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");
        Clock.Advance(Step + Step + ReportDelay);
        Reported(await DevicesAsync(mock, "d1"), 0, "appVersion").Should().Be("2.0.1");

        await CreateJobAsync(mock, "APP*cd5412d9*v2.0.2", "d1");
        Clock.Advance(Step + Step + ReportDelay);
        var device = await DevicesAsync(mock, "d1");
        Reported(device, 0, "appVersion").Should().Be("2.0.2");
        device["items"]![0]!["state"]!["version"]!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public async Task Cancel_ends_a_running_job_cancelled_and_the_device_reports_nothing()
    {
        await using var mock = Simulator();
        var jobId = await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");
        Clock.Advance(Step);

        var cancel = await mock.CallForTextAsync(_key, Put, $"/v1/fota-jobs/{jobId}/cancel", "{}");

        cancel.Should().Be((202, string.Empty));
        var cancelled = await JobAsync(mock, jobId);
        cancelled["status"]!.GetValue<string>().Should().Be("CANCELLED");
        cancelled["lastUpdatedAt"]!.GetValue<string>().Should().Be("2026-12-04T10:00:05.000Z");
        Clock.Advance(TimeSpan.FromMinutes(10));
        (await JobAsync(mock, jobId))["status"]!.GetValue<string>().Should().Be("CANCELLED");
        Reported(await DevicesAsync(mock, "d1"), 0, "appVersion").Should().Be("2.0.0", "a cancelled job installs nothing");
    }

    [Fact]
    public async Task Cancel_of_a_final_job_is_400_and_of_an_unknown_job_404()
    {
        await using var mock = Simulator();
        var jobId = await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");
        Clock.Advance(Step + Step);

        var (status, json) = await mock.CallForJsonAsync(_key, Put, $"/v1/fota-jobs/{jobId}/cancel", "{}");
        status.Should().Be(400);
        json!["code"]!.GetValue<int>().Should().Be(40010);
        json["message"]!.GetValue<string>().Should().Contain(jobId).And.Contain("COMPLETED");
        (await JobAsync(mock, jobId))["status"]!.GetValue<string>().Should().Be("COMPLETED");

        (await mock.CallForJsonAsync(_key, Put, "/v1/fota-jobs/no-such-job/cancel", "{}")).Status.Should().Be(404);
        (await mock.CallForJsonAsync(_key, Get, "/v1/fota-jobs/no-such-job")).Status.Should().Be(404);
    }

    [Fact]
    public async Task The_default_catalogue_lists_app_and_modem_bundles_in_pages()
    {
        await using var mock = Simulator();

        var ids = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var (status, json) = await mock.CallForJsonAsync(_key, Get, "/v1/firmwares?pageLimit=2" + (token is null ? string.Empty : $"&pageNextToken={Uri.EscapeDataString(token)}"));
            status.Should().Be(200);
            json!["total"]!.GetValue<int>().Should().Be(5);
            json["items"]!.AsArray().Count.Should().BeLessThanOrEqualTo(2);
            ids.AddRange(json["items"]!.AsArray().Select(item => item!["bundleId"]!.GetValue<string>()));
            token = json["pageNextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        pages.Should().Be(3);
        ids.Should().Equal("APP*0103b0f9*v2.0.0", "APP*1e29dfa3*v2.0.1", "APP*cd5412d9*v2.0.2", "MODEM*5a6c7e3f*mfw_nrf91x1_2.0.1", "MODEM*8d1f2b4c*mfw_nrf91x1_2.0.2");
        var (_, all) = await mock.CallForJsonAsync(_key, Get, "/v1/firmwares?pageLimit=100");
        JsonMatcherPartial(all!["items"]![4]!, """{"version":"mfw_nrf91x1_2.0.2","type":"MODEM"}""");
        all["items"]![0]!["size"]!.GetValue<long>().Should().BePositive();
        all["pageNextToken"].Should().BeNull("one page holds all");
        (await mock.CallForJsonAsync(_key, Get, "/v1/firmwares?pageLimit=0")).Status.Should().Be(400);
        (await mock.CallForJsonAsync(_key, Get, "/v1/firmwares?pageNextToken=nonsense")).Status.Should().Be(400);
    }

    [Fact]
    public async Task A_catalogue_file_replaces_the_default()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """
                {"items":[{"bundleId":"APP*abcdef12*v3.1.0","version":"v3.1.0","type":"APP","size":1000,"filenames":["app.bin"],"lastModified":"2025-01-02T03:04:05.000Z"}]}
                """, Ct);
            await using var mock = Simulator(o => o.Catalogue = file);

            var (_, json) = await mock.CallForJsonAsync(_key, Get, "/v1/firmwares?pageLimit=100");
            JsonMatcher.Exact(JsonNode.Parse("""
                {"items":[{"bundleId":"APP*abcdef12*v3.1.0","lastModified":"2025-01-02T03:04:05.000Z","size":1000,"version":"v3.1.0","type":"APP","filenames":["app.bin"]}],"total":1}
                """), json).Should().BeEmpty();
            (await mock.CallForJsonAsync(_key, Post, "/v1/fota-jobs", """{"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["d1"]}""")).Status
                .Should().Be(404, "the default bundles are gone");
            var jobId = await CreateJobAsync(mock, "APP*abcdef12*v3.1.0", "d1");
            Clock.Advance(Step + Step + ReportDelay);
            Reported(await DevicesAsync(mock, "d1"), 0, "appVersion").Should().Be("3.1.0");
            jobId.Should().NotBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Failures_are_drawn_from_the_seed_the_same_seed_giving_the_same_outcomes()
    {
        async Task<List<string>> OutcomesAsync(int seed)
        {
            var clock = new FakeTimeProvider(Start);
            await using var mock = CreateDedicated(SimulatorOptions(o => { o.FailureRate = 0.5; o.Seed = seed; }), clock);
            var key = MockUnderTest.NewApiKey(); // another key each run: outcomes depend on the seed, not the key
            var jobs = new List<string>();
            for (var i = 0; i < 24; i++)
            {
                jobs.Add(await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", $"d{i}", key));
            }

            clock.Advance(Step + Step);
            var statuses = new List<string>();
            foreach (var job in jobs)
            {
                statuses.Add((await JobAsync(mock, job, key))["status"]!.GetValue<string>());
            }

            return statuses;
        }

        var first = await OutcomesAsync(42);
        var again = await OutcomesAsync(42);
        var other = await OutcomesAsync(7);

        again.Should().Equal(first, "the same seed gives the same outcomes");
        other.Should().NotEqual(first, "another seed draws otherwise");
        first.Should().Contain("COMPLETED").And.Contain(s => s != "COMPLETED");
        first.Concat(other).Should().OnlyContain(s => s == "COMPLETED" || s == "FAILED" || s == "TIMED_OUT" || s == "REJECTED");
    }

    [Fact]
    public async Task A_failed_job_installs_nothing()
    {
        await using var mock = Simulator(o => o.FailureRate = 1);
        var jobId = await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");
        Clock.Advance(Step);
        (await JobAsync(mock, jobId))["status"]!.GetValue<string>().Should().Be("IN_PROGRESS");
        Clock.Advance(Step + ReportDelay);

        (await JobAsync(mock, jobId))["status"]!.GetValue<string>().Should().BeOneOf("FAILED", "TIMED_OUT", "REJECTED");
        Reported(await DevicesAsync(mock, "d1"), 0, "appVersion").Should().Be("2.0.0");
    }

    [Fact]
    public async Task A_queued_response_answers_before_the_simulation_and_the_journal_records_both()
    {
        await using var mock = Simulator();
        var queuedId = await mock.Mock.QueueResponseAsync(_key, "POST /v1/fota-jobs", "HTTP/1.1 500 Internal Server Error\nContent-Type: application/json\n\n{\"message\":\"injected\"}", cancellationToken: Ct);
        const string create = """{"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["d1"]}""";

        (await mock.CallForTextAsync(_key, Post, "/v1/fota-jobs", create)).Should().Be((500, "{\"message\":\"injected\"}"));
        var (status, json) = await mock.CallForJsonAsync(_key, Post, "/v1/fota-jobs", create);

        status.Should().Be(200, "the one fault is used up; the simulator answers again");
        var jobId = json!["jobId"]!.GetValue<string>();
        jobId.Should().NotBeNullOrEmpty();
        var (jobs, _) = await ListJobsAsync(mock);
        jobs.Should().ContainSingle("the injected failure created nothing").Which["jobId"]!.GetValue<string>().Should().Be(jobId);
        var journal = await mock.Mock.GetRequestsAsync(new RequestFilter(_key, "POST", "/v1/fota-jobs"), Ct);
        journal.Select(r => r.ResponseId).Should().Equal(queuedId, "simulator");
        journal[1].Body.Should().Be(create);
    }

    [Fact]
    public async Task The_jobs_list_pages_every_job_of_the_key_oldest_first()
    {
        await using var mock = Simulator();
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", $"d{i}"));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Clock.Advance(TimeSpan.FromSeconds(2)); // 10:00:05: the first job's first step is due, the others' not yet
        var (first, token) = await ListJobsAsync(mock, "pageLimit=2");
        var (second, last) = await ListJobsAsync(mock, $"pageLimit=2&pageNextToken={Uri.EscapeDataString(token!)}");

        last.Should().BeNull();
        first.Concat(second).Select(j => j["jobId"]!.GetValue<string>()).Should().Equal(created);
        JsonMatcherPartial(second[0], """{"status":"QUEUED","firmware":{"bundleId":"APP*1e29dfa3*v2.0.1"},"target":{"deviceIds":["d2"]},"createdAt":"2026-12-04T10:00:02.000Z"}""");
        first.Select(j => j["status"]!.GetValue<string>()).Should().Equal(["IN_PROGRESS", "QUEUED"], "each status is computed when listed");
    }

    [Fact]
    public async Task Each_API_key_has_its_own_simulated_account()
    {
        await using var mock = Simulator();
        var stranger = MockUnderTest.NewApiKey();
        var jobId = await CreateJobAsync(mock, "APP*1e29dfa3*v2.0.1", "d1");
        await mock.Simulator.SeedDevicesAsync(_key, [new DeviceSeed("d9", AppVersion: "1.9.0")], Ct);

        (await mock.CallForJsonAsync(stranger, Get, $"/v1/fota-jobs/{jobId}")).Status.Should().Be(404, "another key's job is invisible");
        (await ListJobsAsync(mock, key: stranger)).Items.Should().BeEmpty();
        var (_, devices) = await mock.CallForJsonAsync(stranger, Get, "/v1/devices?includeState=true&pageLimit=100");
        devices!["items"]!.AsArray().Should().BeEmpty("the stranger never mentioned a device");
        Reported(await DevicesAsync(mock, "d9", stranger), 0, "appVersion").Should().Be("2.0.0", "the seed was for another key");
        Reported(await DevicesAsync(mock, "d9"), 0, "appVersion").Should().Be("1.9.0");
    }

    [Fact]
    public async Task Seeding_a_device_sets_its_reported_state_and_a_change_is_a_new_report()
    {
        await using var mock = Simulator();
        await mock.Simulator.SeedDevicesAsync(_key, [new DeviceSeed("d1", AppVersion: "1.0.0", ModemFirmware: "mfw_nrf9160_1.3.5", FotaV2: ["APP"], Board: "thingy91")], Ct);

        var seeded = await DevicesAsync(mock, "d1");
        Reported(seeded, 0, "appVersion").Should().Be("1.0.0");
        Reported(seeded, 0, "modemFirmware").Should().Be("mfw_nrf9160_1.3.5");
        Reported(seeded, 0, "board").Should().Be("thingy91");
        seeded["items"]![0]!["state"]!["reported"]!["device"]!["serviceInfo"]!["fota_v2"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("APP");
        seeded["items"]![0]!["state"]!["metadata"]!["reported"]!["device"]!["serviceInfo"]!["fota_v2"]!.AsArray().Should().HaveCount(1);
        var version = seeded["items"]![0]!["state"]!["version"]!.GetValue<long>();

        Clock.Advance(TimeSpan.FromSeconds(30));
        await mock.Simulator.SeedDevicesAsync(_key, [new DeviceSeed("d1", AppVersion: "1.0.0")], Ct);
        (await DevicesAsync(mock, "d1"))["items"]![0]!["state"]!["version"]!.GetValue<long>().Should().Be(version, "nothing changed");

        await mock.Simulator.SeedDevicesAsync(_key, [new DeviceSeed("d1", AppVersion: "1.1.0")], Ct);
        var changed = (await DevicesAsync(mock, "d1"))["items"]![0]!;
        changed["state"]!["version"]!.GetValue<long>().Should().Be(version + 1);
        changed["state"]!["metadata"]!["reported"]!["device"]!["deviceInfo"]!["appVersion"]!["timestamp"]!.GetValue<long>().Should().Be((Start + TimeSpan.FromSeconds(30)).ToUnixTimeSeconds());
        changed["state"]!["reported"]!["device"]!["deviceInfo"]!["modemFirmware"]!.GetValue<string>().Should().Be("mfw_nrf9160_1.3.5", "unseeded fields keep their value");
    }

    [Fact]
    public async Task Seeding_refuses_bad_input_and_needs_simulator_mode()
    {
        await using var mock = Simulator();
        var noKey = () => mock.Simulator.SeedDevicesAsync(" ", [new DeviceSeed("d1")], Ct);
        var noId = () => mock.Simulator.SeedDevicesAsync(_key, [new DeviceSeed("d1"), new DeviceSeed(null)], Ct);
        var none = () => mock.Simulator.SeedDevicesAsync(_key, [], Ct);

        (await noKey.Should().ThrowAsync<MockNrfCloudInputException>()).Which.ParamName.Should().Be("apiKey");
        (await noId.Should().ThrowAsync<MockNrfCloudInputException>()).Which.Problem.Should().Contain("devices[1]");
        (await none.Should().ThrowAsync<MockNrfCloudInputException>()).Which.ParamName.Should().Be("devices");

        await using var queueMode = CreateDedicated(new MockOptions(), Clock);
        var seed = () => queueMode.Simulator.SeedDevicesAsync(_key, [new DeviceSeed("d1")], Ct);
        await seed.Should().ThrowAsync<Exception>().WithMessage("*not in simulator mode*");
    }

    [Fact]
    public async Task Devices_can_be_seeded_from_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $$"""
                [{"apiKey":"{{_key}}","devices":[{"id":"d1","appVersion":"1.2.3","fotaV2":["APP","MODEM"]}]}]
                """, Ct);
            await using var mock = Simulator(o => o.Devices = file);

            var (_, json) = await mock.CallForJsonAsync(_key, Get, "/v1/devices?includeState=true&pageLimit=100");

            json!["items"]!.AsArray().Should().ContainSingle("seeded devices are known without a mention");
            Reported(json, 0, "appVersion").Should().Be("1.2.3");
            json["items"]![0]!["state"]!["metadata"].Should().BeNull("includeStateMeta was not asked for");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Transient_errors_are_503s_that_change_nothing()
    {
        await using var mock = Simulator(o => o.TransientErrorRate = 1);

        var (status, json) = await mock.CallForJsonAsync(_key, Post, "/v1/fota-jobs", """{"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["d1"]}""");

        status.Should().Be(503);
        json!["code"]!.GetValue<int>().Should().Be(50300);
        var journal = await mock.Mock.GetRequestsAsync(new RequestFilter(_key), Ct);
        journal.Should().ContainSingle().Which.ResponseId.Should().Be("simulator");
    }

    [Fact]
    public async Task A_create_needs_a_known_bundle_and_device_identifiers()
    {
        await using var mock = Simulator();

        var unknown = await mock.CallForJsonAsync(_key, Post, "/v1/fota-jobs", """{"bundleId":"APP*00000000*v9.9.9","autoApply":true,"deviceIdentifiers":["d1"]}""");
        var noDevices = await mock.CallForJsonAsync(_key, Post, "/v1/fota-jobs", """{"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":[]}""");
        var notJson = await mock.CallForJsonAsync(_key, Post, "/v1/fota-jobs", "{");
        var other = await mock.CallForJsonAsync(_key, Get, "/v1/account");

        unknown.Status.Should().Be(404);
        unknown.Json!["message"]!.GetValue<string>().Should().Contain("APP*00000000*v9.9.9");
        noDevices.Status.Should().Be(400);
        noDevices.Json!["message"]!.GetValue<string>().Should().Contain("deviceIdentifiers");
        notJson.Status.Should().Be(400);
        other.Status.Should().Be(404);
        (await ListJobsAsync(mock)).Items.Should().BeEmpty();
    }

    private MockUnderTest Simulator(Action<SimulatorOptions>? configure = null) => CreateDedicated(SimulatorOptions(configure), Clock);

    private static MockOptions SimulatorOptions(Action<SimulatorOptions>? configure)
    {
        var options = new MockOptions { Mode = MockMode.Simulator, Simulator = { StepDelay = Step, ReportDelay = ReportDelay } };
        configure?.Invoke(options.Simulator);
        return options;
    }

    private async Task<string> CreateJobAsync(MockUnderTest mock, string bundleId, string deviceId, string? key = null)
    {
        var (status, json) = await mock.CallForJsonAsync(key ?? _key, Post, "/v1/fota-jobs", $$"""{"bundleId":"{{bundleId}}","autoApply":true,"deviceIdentifiers":["{{deviceId}}"]}""");
        status.Should().Be(200, json?.ToJsonString());
        return json!["jobId"]!.GetValue<string>();
    }

    private async Task<JsonNode> JobAsync(MockUnderTest mock, string jobId, string? key = null)
    {
        var (status, json) = await mock.CallForJsonAsync(key ?? _key, Get, $"/v1/fota-jobs/{jobId}");
        status.Should().Be(200, json?.ToJsonString());
        return json!;
    }

    private async Task<(IReadOnlyList<JsonNode> Items, string? NextToken)> ListJobsAsync(MockUnderTest mock, string query = "pageLimit=100", string? key = null)
    {
        var (status, json) = await mock.CallForJsonAsync(key ?? _key, Get, $"/v1/fota-jobs?{query}");
        status.Should().Be(200);
        return (json!["items"]!.AsArray().Select(i => i!).ToList(), json["pageNextToken"]?.GetValue<string>());
    }

    private async Task<JsonNode> DevicesAsync(MockUnderTest mock, string deviceIds, string? key = null)
    {
        var (status, json) = await mock.CallForJsonAsync(key ?? _key, Get, $"/v1/devices?includeState=true&includeStateMeta=true&pageLimit=100&deviceIds={deviceIds}");
        status.Should().Be(200);
        return json!;
    }

    private static string Reported(JsonNode devices, int index, string field) =>
        devices["items"]![index]!["state"]!["reported"]!["device"]!["deviceInfo"]![field]!.GetValue<string>();

    private static string Imei(JsonNode devices, int index) => Reported(devices, index, "imei");

    private static void JsonMatcherPartial(JsonNode actual, string expected) =>
        JsonMatcher.Partial(JsonNode.Parse(expected), actual).Should().BeEmpty();
}

public sealed class InProcessSimulatorContractTests : SimulatorContract
{
    protected override MockUnderTest CreateDedicated(MockOptions options, TimeProvider timeProvider) => MockUnderTest.InProcess(options, timeProvider);
}

public sealed class HttpSimulatorContractTests : SimulatorContract
{
    protected override MockUnderTest CreateDedicated(MockOptions options, TimeProvider timeProvider) => MockUnderTest.OverHttp(options, timeProvider);
}
