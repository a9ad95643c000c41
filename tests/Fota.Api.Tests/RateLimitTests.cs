using System.Net;
using Fota.Api.Devices;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>
/// The per-client rate limit on the device endpoints and /ws (429 with Retry-After and a problem document), the client
/// named by a trusted proxy's X-Forwarded-For (the test server has no peer address, which ASP.NET Core trusts like
/// loopback), and the WebSocket connections per device.
/// </summary>
public sealed class RateLimitTests
{
    private static FotaApiFactory Api(string permitLimit = "3", string maxConnections = "20") => new(settings: new Dictionary<string, string?>
    {
        ["Http:RateLimit:PermitLimit"] = permitLimit,
        ["Http:RateLimit:Window"] = "00:10:00",
        ["Fota:Notifications:MaxConnectionsPerDevice"] = maxConnections,
        ["Fota:Poller:Enabled"] = "false",
    });

    private static Task<HttpResponseMessage> ListAs(HttpClient client, DeviceResponse device, string clientAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, DeviceApi.JobsPath(device));
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_and_a_problem_while_another_client_does_not()
    {
        await using var api = Api();
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await ListAs(client, device, "198.51.100.7")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var refused = await ListAs(client, device, "198.51.100.7");

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem["title"]!.GetValue<string>().Should().Be("Too many requests");
        problem.Detail().Should().Contain("3 requests").And.Contain("Http:RateLimit");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.Should().BeInRange(1, 600, "the window is 10 minutes");
        (await ListAs(client, device, "198.51.100.8")).StatusCode.Should().Be(HttpStatusCode.OK, "another client has its own limit");
        (await ListAs(client, device, "2001:db8:1:2::1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK, "health is not limited");
    }

    [Fact]
    public async Task An_IPv6_client_is_limited_by_its_64_bit_prefix()
    {
        await using var api = Api(permitLimit: "2");
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();

        (await ListAs(client, device, "2001:db8:5:6::1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAs(client, device, "2001:db8:5:6::2")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ListAs(client, device, "2001:db8:5:6:ffff::3")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "one /64 is one client");
        (await ListAs(client, device, "2001:db8:5:7::1")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_WebSocket_endpoint_is_limited_too()
    {
        await using var api = Api(permitLimit: "1");
        var device = await api.RegisterDeviceAsync();
        using var client = api.CreateClient();

        (await client.GetAsync($"/ws?fingerprint={device.Fingerprint}", TestContext.Current.CancellationToken)).StatusCode.Should().Be(
            HttpStatusCode.BadRequest, "not an upgrade, but counted");
        await (await client.GetAsync($"/ws?fingerprint={device.Fingerprint}", TestContext.Current.CancellationToken))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_device_gets_at_most_MaxConnectionsPerDevice_WebSockets_and_a_closed_one_frees_its_slot()
    {
        await using var api = Api(permitLimit: "1000", maxConnections: "2");
        var device = await api.RegisterDeviceAsync();
        var other = await api.RegisterDeviceAsync();
        var first = await NotificationClient.ConnectAsync(api, device);
        await using var second = await NotificationClient.ConnectAsync(api, device);

        var third = () => NotificationClient.ConnectAsync(api, device);

        (await third.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("429");
        await using var otherDevice = await NotificationClient.ConnectAsync(api, other);
        await first.DisposeAsync();
        await Eventually.ReturnsAsync(TryConnectAsync, connected => connected, "the closed connection's slot to be free");

        async Task<bool> TryConnectAsync()
        {
            try
            {
                await using var again = await NotificationClient.ConnectAsync(api, device);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
