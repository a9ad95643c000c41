using System.Net;
using System.Text.Json.Nodes;
using Fota.Api.DeviceStates;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests.UpgradePaths;

/// <summary>One /v2 instance whose flow does not run: the endpoint tests see the answers, not the flow's later changes.</summary>
public sealed class UpgradePathApiFixture : IAsyncDisposable
{
    public UpgradePathHost Host { get; } = new(new FakeDeviceStates(), settings: new Dictionary<string, string?> { ["Fota:UpgradePath:Enabled"] = "false" });

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>SPEC §2.10: the /v2 endpoints' answers — validation, the device check, eligibility, 409, list, cancel, bundles.</summary>
public sealed class UpgradePathEndpointTests(UpgradePathApiFixture fixture) : IClassFixture<UpgradePathApiFixture>
{
    private const string TwoSteps = """{"2.0.0":"APP*1e29dfa3*v2.0.1","2.0.1":"APP*cd5412d9*v2.0.2"}""";

    private UpgradePathHost Host => fixture.Host;

    [Fact]
    public async Task Schedule_answers_201_with_the_job_in_the_order_written_and_the_jobs_location()
    {
        var device = await Host.RegisterDeviceAsync();
        var path = """{"2.0.1":"APP*cd5412d9*v2.0.2",">=1.0.0":"APP*1e29dfa3*v2.0.1","<1.0.0":"APP*00000000*v1.0.0"}""";

        var response = await Host.ScheduleAsync(device, path);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be($"/v2/device/{device.DeviceId}/fota/jobs");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var job = JsonNode.Parse(text)!.AsObject();
        Contract.ShouldValidate(job, Contract.UpgradePathJob);
        job["@context"]!.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/fota/job");
        job["id"]!.GetValue<string>().Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{26}$", "the id is a ULID");
        job["deviceId"]!.GetValue<string>().Should().Be(device.DeviceId);
        job["status"]!.GetValue<string>().Should().Be("NEW");
        job["statusDetail"]!.GetValue<string>().Should().Be("The job has been created");
        job["reportedVersion"]!.GetValue<string>().Should().Be("2.0.0");
        job["timestamp"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
        job["upgradePath"]!.AsObject().Select(entry => entry.Key).Should().Equal(["2.0.1", ">=1.0.0", "<1.0.0"], "entries keep the order written");
    }

    [Theory]
    [InlineData("""{"upgradePath":{}}""", "must have 1 to 20 entries")]
    [InlineData("""{"upgradePath":"APP*1e29dfa3*v2.0.1"}""", "is required")]
    [InlineData("""{}""", "is required")]
    [InlineData("""{"upgradePath":{"2.0":"APP*1e29dfa3*v2.0.1"}}""", "is not a version or range")]
    [InlineData("""{"upgradePath":{"~2.0.0":"APP*1e29dfa3*v2.0.1"}}""", "is not a version or range")]
    [InlineData("""{"upgradePath":{"2.0.0\n":"APP*1e29dfa3*v2.0.1"}}""", "is not a version or range")]
    [InlineData("""{"upgradePath":{"2.0.0":"APP*1e29*v2.0.1"}}""", "must be a bundle id")]
    [InlineData("""{"upgradePath":{"2.0.0":42}}""", "must be a bundle id")]
    [InlineData("""{"upgradePath":{"2.0.0":"MODEM*1e29dfa3*mfw"}}""", "is not a bundle of target app")]
    [InlineData("""{"upgradePath":{"2.0.0":"BOOT*1e29dfa3*v1"}}""", "is not a bundle of target app")]
    [InlineData("""{"upgradePath":{"2.0.0":"APP*1e29dfa3*v2.0.1"},"bundleId":"x"}""", "bundleId: is not a field")]
    public async Task Schedule_refuses_a_bad_upgrade_path_with_400_naming_it(string body, string expected)
    {
        var device = await Host.RegisterDeviceAsync();

        var response = await Host.Client.PostAsync(
            UpgradePathHost.Path(device, "app"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().Contain(expected);
        if (!expected.StartsWith("bundleId", StringComparison.Ordinal))
        {
            problem.Detail().Should().Contain("upgradePath");
        }
    }

    [Fact]
    public async Task Duplicate_keys_and_other_targets_are_refused()
    {
        var device = await Host.RegisterDeviceAsync();

        var duplicate = await Host.ScheduleAsync(device, """{"2.0.0":"APP*1e29dfa3*v2.0.1","2.0.0":"APP*cd5412d9*v2.0.2"}""");
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("body");
        (await Host.ScheduleAsync(device, TwoSteps, "boot")).StatusCode.Should().Be(HttpStatusCode.NotFound, "app and modem are the only targets");
    }

    [Fact]
    public async Task Schedule_refuses_more_than_20_entries()
    {
        var device = await Host.RegisterDeviceAsync();
        var entries = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"1.0.{i}\":\"APP*1e29dfa3*v{i}\""));

        var problem = await (await Host.ScheduleAsync(device, "{" + entries + "}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Detail().Should().Contain("upgradePath: must have 1 to 20 entries, has 21");
    }

    [Fact]
    public async Task A_modem_path_takes_MODEM_and_MDM_FULL_bundles_and_refuses_APP_ones()
    {
        var device = await Host.RegisterDeviceAsync();

        var refused = await Host.ScheduleAsync(device, """{"2.0.1":"APP*1e29dfa3*v2.0.1"}""", "modem");
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("is not a bundle of target modem");

        var response = await Host.ScheduleAsync(device, """{"2.0.1":"MDM_FULL*1e29dfa3*mfw_2.0.2",">2.0.1":"MODEM*1e29dfa3*mfw_2.0.3"}""", "modem");
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.JsonAsync())["reportedVersion"]!.GetValue<string>().Should().Be("2.0.1", "the modem's version");
    }

    [Fact]
    public async Task Validation_comes_before_the_device_check_then_404_then_403()
    {
        var device = await Host.RegisterDeviceAsync();
        var unknown = device with { DeviceId = "oob-000000000000000" };

        (await (await Host.ScheduleAsync(unknown, "{}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("upgradePath");
        (await (await Host.ScheduleAsync(device, "{}", fingerprint: "nope")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Detail().Should().Contain("fingerprint");
        (await (await Host.ScheduleAsync(unknown, TwoSteps)).ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>().Should().Be("No device found with ID!");
        var other = await Host.RegisterDeviceAsync();
        (await (await Host.ScheduleAsync(device, TwoSteps, fingerprint: other.Fingerprint)).ShouldBeProblemAsync(HttpStatusCode.Forbidden))["title"]!
            .GetValue<string>().Should().Be("Fingerprint does not match!");
        (await Host.Client.GetAsync(UpgradePathHost.Path(unknown, "jobs"), TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Host.CancelAsync(unknown, "01J861VKYH5QVD6QQ5YXXF20EF")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, int, string, string> Eligibility() => new()
    {
        { "unknown", 400, "Device is not eligible for FOTA", "Unknown device state!" },
        { "no-fota", 400, "Device is not eligible for FOTA", "This device does not support FOTA!" },
        { "no-versions", 400, "Device is not eligible for FOTA", "This device has not reported any firmware versions!" },
        { "no-app-target", 400, "Invalid upgrade path defined", "The device does not support FOTA for target app!" },
        { "no-app-version", 400, "Invalid upgrade path defined", "The device has not reported an application firmware version!" },
        { "unavailable", 500, "Scheduling FOTA update failed", "nRF Cloud answered GET /v1/devices with 503" },
    };

    [Theory]
    [MemberData(nameof(Eligibility))]
    public async Task Schedule_answers_the_device_states_eligibility(string state, int status, string title, string detail)
    {
        var device = await Host.RegisterDeviceAsync();
        var states = Host.DeviceStates;
        switch (state)
        {
            case "unknown":
                states.AnswerRead(device.DeviceId, new DeviceStateRead.UnknownDevice());
                break;
            case "no-fota":
                states.Report(new DeviceState(device.DeviceId, "2.0.0", "2.0.1", new HashSet<FotaTarget>(), []));
                break;
            case "no-versions":
                states.Report(FakeDeviceStates.State(device.DeviceId, app: null, modem: null));
                break;
            case "no-app-target":
                states.Report(FakeDeviceStates.State(device.DeviceId, "2.0.0", "2.0.1", "BOOT", "MODEM"));
                break;
            case "no-app-version":
                states.Report(FakeDeviceStates.State(device.DeviceId, app: null, modem: "2.0.1"));
                break;
            default:
                states.AnswerRead(device.DeviceId, new DeviceStateRead.Unavailable("nRF Cloud answered GET /v1/devices with 503"));
                break;
        }

        var problem = await (await Host.ScheduleAsync(device, TwoSteps)).ShouldBeProblemAsync((HttpStatusCode)status);

        problem["title"]!.GetValue<string>().Should().Be(title);
        problem.Detail().Should().Be(detail);
        (await Host.ListAsync(device))["jobs"]!.AsArray().Should().BeEmpty("nothing is stored");
    }

    [Fact]
    public async Task A_modem_path_needs_modem_support_and_a_modem_version()
    {
        var device = await Host.RegisterDeviceAsync();
        Host.DeviceStates.Report(FakeDeviceStates.State(device.DeviceId, "2.0.0", modem: null));

        var problem = await (await Host.ScheduleAsync(device, """{"2.0.1":"MODEM*1e29dfa3*mfw"}""", "modem")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().Be("The device has not reported a modem firmware version!");

        Host.DeviceStates.Report(FakeDeviceStates.State(device.DeviceId, "2.0.0", "2.0.1", "APP"));
        problem = await (await Host.ScheduleAsync(device, """{"2.0.1":"MODEM*1e29dfa3*mfw"}""", "modem")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().Be("The device does not support FOTA for target modem!");
    }

    [Fact]
    public async Task A_second_job_of_the_same_target_is_409_while_the_first_is_not_final_and_the_other_target_is_free()
    {
        var device = await Host.RegisterDeviceAsync();
        var first = await Host.ScheduleOkAsync(device, TwoSteps);

        var problem = await (await Host.ScheduleAsync(device, TwoSteps)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["title"]!.GetValue<string>().Should().Be("A app FOTA job for this device already exists");
        problem["detail"]!.GetValue<string>().Should().Be(
            $"Device {device.DeviceId} has a app FOTA job that has not finished. Wait for it to finish or cancel it, then schedule again.");
        (await Host.ScheduleAsync(device, """{"2.0.1":"MODEM*1e29dfa3*mfw"}""", "modem")).StatusCode.Should().Be(HttpStatusCode.Created);
        var modem = await (await Host.ScheduleAsync(device, """{"2.0.1":"MODEM*1e29dfa3*mfw"}""", "modem")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        modem["title"]!.GetValue<string>().Should().Be("A modem FOTA job for this device already exists");

        (await Host.CancelAsync(device, first)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Host.ScheduleAsync(device, TwoSteps)).StatusCode.Should().Be(HttpStatusCode.Created, "a final job is no obstacle");
    }

    [Fact]
    public async Task Twenty_parallel_schedules_of_one_target_make_exactly_one_job()
    {
        var device = await Host.RegisterDeviceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Host.ScheduleAsync(device, TwoSteps)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(19);
        (await Host.ListAsync(device))["jobs"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public async Task List_shows_the_10_newest_jobs_newest_first_uncached_and_valid()
    {
        var device = await Host.RegisterDeviceAsync();
        var ids = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            ids.Add(await Host.ScheduleOkAsync(device, TwoSteps));
            (await Host.CancelAsync(device, ids[^1])).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var response = await Host.Client.GetAsync(UpgradePathHost.Path(device, "jobs"), TestContext.Current.CancellationToken);

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = (await response.JsonAsync()).AsObject();
        Contract.ShouldValidate(body, Contract.UpgradePathJobs);
        body["@context"]!.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/fota/jobs");
        body["deviceId"]!.GetValue<string>().Should().Be(device.DeviceId);
        body["jobs"]!.AsArray().Select(job => job!["id"]!.GetValue<string>()).Should().Equal(Enumerable.Reverse(ids).Take(10));
        var other = await Host.RegisterDeviceAsync();
        (await Host.ListAsync(other))["jobs"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Cancel_answers_202_without_a_body_and_the_job_is_failed_cancelled_then_409_and_404_for_another_device()
    {
        var device = await Host.RegisterDeviceAsync();
        var jobId = await Host.ScheduleOkAsync(device, TwoSteps);
        var other = await Host.RegisterDeviceAsync();

        (await (await Host.CancelAsync(other, jobId)).ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!.GetValue<string>().Should().Be("No FOTA job found with ID!");
        (await (await Host.CancelAsync(device, "01J861VKYH5QVD6QQ5YXXF20EF")).ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!
            .GetValue<string>().Should().Be("No FOTA job found with ID!");

        var cancelled = await Host.CancelAsync(device, jobId);
        cancelled.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await cancelled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        var job = (await Host.ListAsync(device))["jobs"]![0]!;
        job["status"]!.GetValue<string>().Should().Be("FAILED");
        job["statusDetail"]!.GetValue<string>().Should().Be("The job was cancelled.");

        (await (await Host.CancelAsync(device, jobId)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["title"]!.GetValue<string>().Should().Be("The FOTA job is already finished.");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_v2_endpoints()
    {
        var document = await (await Host.Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).JsonAsync();

        var paths = document["paths"]!.AsObject();
        paths.Select(p => p.Key).Should().Contain([
            "/v2/device/{deviceId}/fota/app", "/v2/device/{deviceId}/fota/modem", "/v2/device/{deviceId}/fota/jobs",
            "/v2/device/{deviceId}/fota/job/{jobId}", "/v2/device/{deviceId}/fota/bundles"]);
        paths["/v2/device/{deviceId}/fota/app"]!["post"]!["responses"]!.AsObject().Select(r => r.Key)
            .Should().Contain(["201", "400", "403", "404", "409", "413", "415", "500"]);
        paths["/v2/device/{deviceId}/fota/job/{jobId}"]!["delete"]!["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["202", "404", "409"]);
    }

    [Fact]
    public async Task Bundles_answer_as_the_seeds_list()
    {
        var device = await Host.RegisterDeviceAsync();
        Host.NrfCloud.Always("GET /v1/firmwares", HttpStatusCode.OK, """{"items":[{"bundleId":"APP*0103b0f9*v2.0.0","version":"v2.0.0","type":"APP","size":1,"filenames":[]}],"total":1}""");

        var response = await Host.Client.GetAsync(UpgradePathHost.Path(device, "bundles"), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Contract.ShouldValidate(body, Contract.Bundles);
        body["bundles"]![0]!["bundleId"]!.GetValue<string>().Should().Be("APP*0103b0f9*v2.0.0");
    }
}
