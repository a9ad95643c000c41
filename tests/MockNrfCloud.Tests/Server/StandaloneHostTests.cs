using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MockNrfCloud.Hosting;

namespace MockNrfCloud.Tests.Server;

/// <summary>The standalone host (what `dotnet run --project mock-nrfcloud/MockNrfCloud` runs) reads its configuration.</summary>
public sealed class StandaloneHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_urls_admin_token_and_journal_limit_from_configuration()
    {
        using var host = MockNrfCloudProgram.CreateHost(["--urls", "http://127.0.0.1:0", "--Mock:AdminToken", "s3cret", "--Mock:JournalLimit", "2"]);
        await host.StartAsync(Ct);
        try
        {
            var server = host.Services.GetRequiredService<StandaloneMockHost>().Server!;
            server.Options.JournalLimit.Should().Be(2);
            server.Url.Host.Should().Be("127.0.0.1");
            using var http = new HttpClient { BaseAddress = server.Url };

            (await http.GetAsync("/mock/health", Ct)).StatusCode.Should().Be(HttpStatusCode.OK, "the health check needs no token");
            (await http.GetAsync("/mock/requests", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "Mock:AdminToken is set");
            using var authorized = new HttpRequestMessage(HttpMethod.Get, "/mock/requests");
            authorized.Headers.Authorization = new("Bearer", "s3cret");
            (await http.SendAsync(authorized, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task Refuses_to_start_with_a_journal_limit_below_one()
    {
        using var host = MockNrfCloudProgram.CreateHost(["--urls", "http://127.0.0.1:0", "--Mock:JournalLimit", "0"]);

        var start = () => host.StartAsync(Ct);

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("JournalLimit");
    }

    [Fact]
    public async Task Starts_in_simulator_mode_from_the_command_line()
    {
        using var host = MockNrfCloudProgram.CreateHost(["--urls", "http://127.0.0.1:0", "--Mock:Mode=Simulator", "--Mock:Simulator:StepDelay=00:00:00", "--Mock:Simulator:FailureRate=0"]);
        await host.StartAsync(Ct);
        try
        {
            var server = host.Services.GetRequiredService<StandaloneMockHost>().Server!;
            server.Options.Mode.Should().Be(MockMode.Simulator);
            server.Options.Simulator.StepDelay.Should().Be(TimeSpan.Zero);
            using var http = new HttpClient { BaseAddress = server.Url };
            http.DefaultRequestHeaders.Authorization = new("Bearer", "standalone-key");

            using var created = await http.PostAsync("/v1/fota-jobs", new StringContent("""{"bundleId":"APP*1e29dfa3*v2.0.1","autoApply":true,"deviceIdentifiers":["d1"]}""", System.Text.Encoding.UTF8, "application/json"), Ct);
            created.StatusCode.Should().Be(HttpStatusCode.OK);
            var jobId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("jobId").GetString();
            var job = await http.GetStringAsync($"/v1/fota-jobs/{jobId}", Ct);
            job.Should().Contain("\"status\":\"COMPLETED\"", "with no step delay a job completes at once");
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    [Theory]
    [InlineData("--Mock:Simulator:FailureRate=1.5", "FailureRate")]
    [InlineData("--Mock:Simulator:StepDelay=5", "StepDelay")]
    [InlineData("--Mock:Simulator:Catalogue=/no/such/catalogue.json", "Catalogue")]
    public async Task Refuses_to_start_the_simulator_with_a_bad_option(string option, string named)
    {
        using var host = MockNrfCloudProgram.CreateHost(["--urls", "http://127.0.0.1:0", "--Mock:Mode=Simulator", option]);

        var start = () => host.StartAsync(Ct);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain($"Mock:Simulator:{named}");
    }
}
