using System.Net;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace Fota.Api.Tests;

/// <summary>Starting the service: options are validated at start; the database may also be in memory.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Fota:Poller:MaxConcurrency", "0", "Fota:Poller:MaxConcurrency")]
    [InlineData("Fota:Poller:FirstRetryDelay", "00:00:00", "Fota:Poller:FirstRetryDelay")]
    [InlineData("Fota:Poller:MaxRetryDelay", "00:00:00.010", "Fota:Poller:MaxRetryDelay")]
    [InlineData("Fota:Poller:BatchSize", "0", "Fota:Poller:BatchSize")]
    [InlineData("NrfCloud:MaxRetries", "-1", "NrfCloud:MaxRetries")]
    [InlineData("NrfCloud:TotalTimeout", "00:00:01", "NrfCloud:TotalTimeout")]
    [InlineData("Fota:Reconcile:GiveUpAfter", "00:00:00", "Fota:Reconcile:GiveUpAfter")]
    [InlineData("Fota:Reconcile:MaxRetry", "00:00:00.001", "Fota:Reconcile:MaxRetry")]
    [InlineData("Fota:Bundles:CacheDuration", "-00:00:01", "Fota:Bundles:CacheDuration")]
    [InlineData("Fota:Notifications:MaxPending", "0", "Fota:Notifications:MaxPending")]
    [InlineData("Fota:Notifications:MaxConnectionsPerDevice", "0", "Fota:Notifications:MaxConnectionsPerDevice")]
    [InlineData("Fota:Poller:MaxConcurrencyPerAccount", "5", "Fota:Poller:MaxConcurrencyPerAccount")]
    [InlineData("Http:RateLimit:PermitLimit", "0", "Http:RateLimit:PermitLimit")]
    [InlineData("Http:RateLimit:Window", "00:00:00", "Http:RateLimit:Window")]
    [InlineData("Http:PublicUrl", "not a url", "Http:PublicUrl")]
    [InlineData("Http:ForwardedHeaders:KnownNetworks:0", "10.0.0.0", "Http:ForwardedHeaders:KnownNetworks")]
    [InlineData("Http:ForwardedHeaders:KnownProxies:0", "proxy.example", "Http:ForwardedHeaders:KnownProxies")]
    [InlineData("Fota:Notifications:PollInterval", "00:00:00", "Fota:Notifications:PollInterval")]
    [InlineData("Fota:Notifications:Retention", "00:00:00", "Fota:Notifications:Retention")]
    [InlineData("Fota:Notifications:KeepAlive", "00:00:00", "Fota:Notifications:KeepAlive")]
    public async Task A_bad_option_stops_the_service_at_start_naming_the_key(string key, string value, string named)
    {
        // The service as Program.cs builds it; StartAsync reports the reason the host logged, even when
        // WebApplicationFactory's race would show an ObjectDisposedException instead.
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { [key] = value });

        var start = () => api.StartAsync(TestContext.Current.CancellationToken);

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named);
    }

    [Fact]
    public async Task An_in_memory_database_works_for_the_life_of_the_service()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:Fota"] = "Data Source=:memory:" }, mock: new MockNrfCloud.InProcessMockNrfCloud());
        var device = await api.RegisterDeviceAsync();
        await api.AcceptCreateAsync("job-in-memory");
        using var client = api.CreateClient();

        (await client.ScheduleAsync(device)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await client.ListJobsAsync(device)).Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be("job-in-memory");
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
