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
}
