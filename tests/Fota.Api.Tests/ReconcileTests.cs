using System.Net;
using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// Reconciliation of unknown outcomes (issue 18, item 3; SPEC §3.1): nRF Cloud's job list decides whether the job a create
/// may have made exists. Each test first makes an UNKNOWN intent through the API (nRF Cloud creates the job, then answers 503).
/// Every one of these failed before the fix: UNKNOWN intents were never looked at again.
/// nRF Cloud is the real mock (tests/README.md): the job nRF Cloud made is the id the test lists (the mock keeps no jobs of
/// its own), and a hanging listing is an answer delayed past the test (<c>X-Mock-Delay</c>).
/// </summary>
public sealed class ReconcileTests : IDisposable
{
    private readonly FotaApiFactory _api = new(mock: new InProcessMockNrfCloud());

    public void Dispose() => _api.Dispose();

    private async Task<(DeviceResponse Device, HttpClient Client)> UnknownOutcomeAsync(string account = FotaApiFactory.AccountName, string? apiKey = null)
    {
        var device = await _api.RegisterDeviceAsync(account: account, apiKey: apiKey);
        await _api.Mock.QueueAsync(apiKey ?? _api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.ServiceUnavailable);
        var client = _api.CreateClient();
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        return (device, client);
    }

    /// <summary>Every list call of <paramref name="apiKey"/> (default: the test's) is answered with <paramref name="jobs"/>, in one page.</summary>
    private Task ListJobsAsync(IEnumerable<ListedJob> jobs, string? apiKey = null, params string[] directives) =>
        _api.Mock.QueueAsync(apiKey ?? _api.ApiKey, FakeNrfCloudJobList.Route, HttpStatusCode.OK, FakeNrfCloudJobList.Page(jobs), true, directives);

    private ListedJob Listed(string jobId, DeviceResponse device, string bundleId = DeviceApi.BundleId, DateTimeOffset? createdAt = null) =>
        new(jobId, device.DeviceId, bundleId, createdAt ?? DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_one_job_nrf_cloud_lists_for_the_device_and_bundle_is_adopted_listed_and_polled()
    {
        var (device, client) = await UnknownOutcomeAsync();
        const string created = "created-job";
        var other = await _api.RegisterDeviceAsync();
        await ListJobsAsync(
        [
            Listed("same-device-other-bundle", device, "MODEM*1e29dfa3*v2.0.0"),
            Listed("other-device", other),
            Listed("too-old", device, createdAt: DateTimeOffset.UtcNow.AddHours(-2)),
            Listed(created, device),
        ]);
        await _api.Mock.QueueAsync(_api.ApiKey, $"GET /v1/fota-jobs/{created}", HttpStatusCode.OK, NrfCloudJson.Job(created, "IN_PROGRESS", null, "2024-06-06T15:44:03.123Z"), keep: true);

        var jobs = await Eventually.ReturnsAsync(
            () => client.ListJobsAsync(device), j => j.Count == 1 && j[0]!["status"]!.GetValue<string>() == "IN_PROGRESS", "the adopted job to be listed and polled");

        jobs[0]!["id"]!.GetValue<string>().Should().Be(created);
        (await _api.IntentsAsync(device.DeviceId)).Should().BeEmpty();
        (await _api.Mock.CallsAsync(_api.ApiKey, "GET", "/v1/fota-jobs")).Should().NotBeEmpty().And.OnlyContain(c => c.Query.Contains("pageLimit=100", StringComparison.Ordinal));
        _api.Logs.Lines.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains($"Adopted FOTA job {created}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_job_at_nrf_cloud_resolves_the_intent_and_the_bundle_may_be_scheduled_again()
    {
        var (device, client) = await UnknownOutcomeAsync();
        await ListJobsAsync([Listed("other-bundle", device, "MODEM*1e29dfa3*v2.0.0")]);

        await Eventually.ReturnsAsync(() => _api.IntentsAsync(device.DeviceId), i => i.Count == 0, "the intent to be resolved as nothing created");

        (await client.ListJobsAsync(device)).Should().BeEmpty();
        await _api.AcceptCreateAsync("second-job");
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Two_candidates_keep_the_intent_unknown_with_a_warning_naming_them()
    {
        var (device, _) = await UnknownOutcomeAsync();
        await ListJobsAsync([Listed("twin-1", device), Listed("twin-2", device)]);

        var intent = (await Eventually.ReturnsAsync(
            () => _api.IntentsAsync(device.DeviceId), i => i.Count == 1 && i[0].Detail!.Contains("twin-2", StringComparison.Ordinal), "the ambiguity to be recorded")).Single();

        intent.State.Should().Be(ScheduleIntentStates.Unknown);
        _api.Logs.Lines.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("twin-1, twin-2", StringComparison.Ordinal));
        (await _api.FindJobAsync("twin-1")).Should().BeNull("neither is adopted");
    }

    [Fact]
    public async Task A_failing_list_is_retried_until_nrf_cloud_answers()
    {
        var (device, client) = await UnknownOutcomeAsync();
        const string created = "created-job";
        await _api.Mock.QueueAsync(_api.ApiKey, FakeNrfCloudJobList.Route, HttpStatusCode.BadGateway, "{\"message\":\"down\"}", keep: true);
        await Eventually.ReturnsAsync(
            () => _api.IntentsAsync(device.DeviceId), i => i.Count == 1 && i[0].Detail!.Contains("502", StringComparison.Ordinal), "the failed listing to be recorded");

        await ListJobsAsync([Listed(created, device)]);

        await Eventually.ReturnsAsync(() => client.ListJobsAsync(device), j => j.Count == 1, "the job to be adopted once nRF Cloud answers");
    }

    [Fact]
    public async Task A_slow_account_never_holds_up_another_accounts_reconciliation()
    {
        var (slow, _) = await UnknownOutcomeAsync("slow", "slow-key");
        var (healthy, client) = await UnknownOutcomeAsync();
        const string created = "healthy-job";
        await ListJobsAsync([Listed("slow-job", slow)], "slow-key", "X-Mock-Delay: 600s"); // answers after the test has ended
        await ListJobsAsync([Listed(created, healthy)]);
        await Eventually.ReturnsAsync(
            () => _api.Mock.CallsAsync("slow-key", "GET", "/v1/fota-jobs"), c => c.Count > 0, "the slow account's listing to hang");

        await Eventually.ReturnsAsync(() => client.ListJobsAsync(healthy), j => j.Count == 1, "the healthy account's job to be adopted meanwhile");

        (await _api.IntentsAsync(slow.DeviceId)).Should().ContainSingle("the slow account's listing has not answered");
    }

    [Fact]
    public async Task An_intent_unresolved_past_give_up_after_is_kept_for_an_operator_and_blocks_nothing()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Fota:Reconcile:GiveUpAfter"] = "00:00:00.300" }, mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await api.Mock.QueueAsync(api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.ServiceUnavailable);
        await api.Mock.QueueAsync(api.ApiKey, FakeNrfCloudJobList.Route, HttpStatusCode.BadGateway, keep: true);
        using var client = api.CreateClient();
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        await Eventually.ReturnsAsync(
            () => api.IntentsAsync(device.DeviceId), i => i.Count == 1 && i[0].State == ScheduleIntentStates.GaveUp, "reconciliation to give up");

        // The state is written before the line is logged: wait for the line too.
        await Eventually.TrueAsync(
            () => api.Logs.Lines.Any(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Gave up reconciling intent", StringComparison.Ordinal)),
            "the give-up to be logged as an Error");
        await api.AcceptCreateAsync("second-job");
        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }
}
