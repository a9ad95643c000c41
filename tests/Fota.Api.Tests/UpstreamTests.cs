using System.Net;
using System.Net.Http.Json;
using Fota.Api.Devices;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MockNrfCloud;

namespace Fota.Api.Tests;

/// <summary>
/// The create call toward nRF Cloud is sent once. A definite failure (4xx, refused connection) is a 500 naming nRF Cloud and
/// its status, with nothing stored; an unknown outcome (timeout, reset, 5xx) is a 500 saying so, with the intent kept.
/// nRF Cloud is the real mock (tests/README.md), but for the two refused-connection tests: a refusal raised by the fake
/// nRF Cloud (no socket) lets one nRF Cloud refuse, count the attempts and then answer; a real refusal has no server to count.
/// </summary>
public sealed class UpstreamTests
{
    [Fact]
    public async Task A_client_error_from_nRF_Cloud_is_a_500_naming_it_and_its_status_and_nothing_is_stored()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await api.Mock.QueueAsync(api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.BadRequest, "{\"message\":\"Unknown bundle\",\"code\":40001}", keep: true);
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem["type"]!.GetValue<string>().Should().Be("https://hello.nrfcloud.com/errors/InternalError");
        problem["title"]!.GetValue<string>().Should().Be("Scheduling FOTA update failed");
        problem.Detail().Should().Contain("nRF Cloud").And.Contain("400").And.NotContain("Unknown bundle", "nRF Cloud's body never reaches callers");
        (await api.Mock.CallsAsync(api.ApiKey, "POST", "/v1/fota-jobs")).Should().ContainSingle("a 4xx is not retried");
        (await client.ListJobsAsync(device)).Should().BeEmpty("a job nRF Cloud did not create is not stored");
        (await api.IntentsAsync(device.DeviceId)).Should().BeEmpty("a definite failure leaves nothing to reconcile");
    }

    [Fact]
    public async Task A_device_whose_account_left_the_configuration_gets_a_500_naming_the_account_and_nRF_Cloud_is_not_called()
    {
        const string Key = "NrfCloud:Accounts:configured:ApiKey";
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud(), settings: new Dictionary<string, string?> { [Key] = "configured-key" });
        using var admin = api.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/admin/devices", new { model = "PCA20065", account = "configured" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, "the account is in the configuration");
        var device = (await created.Content.ReadFromJsonAsync<DeviceResponse>())!;
        var configuration = (IConfigurationRoot)api.Services.GetRequiredService<IConfiguration>();
        configuration[Key] = null;
        configuration.Reload();
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem["title"]!.GetValue<string>().Should().Be("Scheduling FOTA update failed");
        problem.Detail().Should().Be("The nRF Cloud account 'configured' of this device is not configured, so nRF Cloud was not called.");
        (await api.Mock.CallsAsync(apiKey: null, "POST", "/v1/fota-jobs")).Should().BeEmpty();
        (await client.ListJobsAsync(device)).Should().BeEmpty("nothing was created");
        (await api.IntentsAsync(device.DeviceId)).Should().BeEmpty("nothing was sent, so nothing is left to reconcile");
    }

    [Fact]
    public async Task A_body_echoing_the_request_headers_never_reaches_the_caller()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await api.Mock.QueueAsync(api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.BadRequest,
            $"{{\"message\":\"bad request\",\"headers\":{{\"Authorization\":\"Bearer {api.ApiKey}\",\"Accept\":\"application/json; charset=utf-8\"}}}}");
        using var client = api.CreateClient();

        var response = await client.ScheduleAsync(device);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        text.Should().NotContain(api.ApiKey).And.NotContain("Bearer").And.Contain("400");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_nothing_was_sent()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.RefuseConnection();
        api.NrfCloud.RefuseConnection();
        api.NrfCloud.ProcessAndAccept();
        using var client = api.CreateClient();

        var response = await client.ScheduleAsync(device);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var creates = api.NrfCloud.CallsTo("POST", "/v1/fota-jobs");
        creates.Should().HaveCount(3, "two refused connections (MaxRetries 2), then the create");
        creates.Select(c => c.BodyText).Distinct().Should().ContainSingle("every attempt sends the same body");
        var created = api.NrfCloud.CreatedJobs.Should().ContainSingle().Subject;
        (await client.ListJobsAsync(device)).Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(created);
        (await api.IntentsAsync(device.DeviceId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_connection_refused_on_every_attempt_is_a_definite_failure()
    {
        using var api = new FotaApiFactory();
        var device = await api.RegisterDeviceAsync();
        api.NrfCloud.Always("POST /v1/fota-jobs", (_, _) => throw FakeNrfCloudFaults.RefusedException());
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud could not be reached").And.NotContain("unknown");
        api.NrfCloud.CallsTo("POST", "/v1/fota-jobs").Should().HaveCount(3);
        (await api.IntentsAsync(device.DeviceId)).Should().BeEmpty("nothing reached nRF Cloud");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"jobId\":\"\"}")]
    [InlineData("not json")]
    [InlineData("[\"jobId\"]")]
    public async Task A_success_without_a_job_id_is_a_failure_with_an_unknown_outcome(string body)
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await api.Mock.QueueAsync(api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.OK, body, keep: true);
        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("jobId").And.Contain("outcome is unknown");
        (await client.ListJobsAsync(device)).Should().BeEmpty();
        (await api.IntentsAsync(device.DeviceId)).Should().ContainSingle().Which.State.Should().Be(ScheduleIntentStates.Unknown);
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        using var api = new FotaApiFactory(mock: new InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        // The redirect points back at the mock, which would answer it with or without the key: a followed redirect is in its journal.
        var elsewhere = new Uri(api.Mock.ApiEndpoint, "/v1/elsewhere/fota-jobs");
        await api.Mock.QueueAsync(api.ApiKey, DeviceApi.CreateRoute, HttpStatusCode.TemporaryRedirect, null, false, $"Location: {elsewhere}");
        foreach (var key in new[] { api.ApiKey, "anonymous" })
        {
            await api.Mock.QueueAsync(key, "POST " + elsewhere.AbsolutePath, HttpStatusCode.OK, "{\"jobId\":\"from-elsewhere\"}", keep: true);
        }

        using var client = api.CreateClient();

        var problem = await (await client.ScheduleAsync(device)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        problem.Detail().Should().Contain("nRF Cloud").And.Contain("307");
        (await api.Mock.CallsAsync(apiKey: null)).Should().ContainSingle("the redirect is not followed");
        (await client.ListJobsAsync(device)).Should().BeEmpty();
    }
}
