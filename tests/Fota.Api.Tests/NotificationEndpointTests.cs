using System.Net;
using Fota.Api.Notifications;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>What <c>GET /ws</c> refuses before the upgrade, and the Origin rules.</summary>
public sealed class NotificationEndpointTests(NoPollerApiFixture fixture) : IClassFixture<NoPollerApiFixture>
{
    private readonly FotaApiFactory _api = fixture.Api;

    [Fact]
    public async Task An_invalid_fingerprint_gets_400_naming_the_field()
    {
        using var client = _api.CreateClient();
        var problem = await (await client.GetAsync("/ws?fingerprint=nope", TestContext.Current.CancellationToken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().StartWith("fingerprint: is invalid");

        var missing = await (await client.GetAsync("/ws", TestContext.Current.CancellationToken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.Detail().Should().StartWith("fingerprint: is required");
    }

    [Fact]
    public async Task An_unknown_fingerprint_gets_403_and_no_upgrade()
    {
        using var client = _api.CreateClient();
        var problem = await (await client.GetAsync("/ws?fingerprint=ABCDEF0123.ZZZZZZ", TestContext.Current.CancellationToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["title"]!.GetValue<string>().Should().Be("Unknown fingerprint!");
        problem["detail"]!.GetValue<string>().Should().Be("No device has this fingerprint.");

        var upgrade = () => NotificationClient.ConnectAsync(_api, "ABCDEF0123.ZZZZZZ");
        (await upgrade.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("403");
    }

    [Fact]
    public async Task A_known_fingerprint_without_an_upgrade_gets_400()
    {
        var device = await _api.RegisterDeviceAsync();
        using var client = _api.CreateClient();
        var problem = await (await client.GetAsync($"/ws?fingerprint={device.Fingerprint}", TestContext.Current.CancellationToken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail().Should().Contain("WebSocket upgrade");
    }

    [Fact]
    public async Task Fingerprints_compare_case_insensitively()
    {
        var device = await _api.RegisterDeviceAsync();
        await using var socket = await NotificationClient.ConnectAsync(_api, device.Fingerprint.ToLowerInvariant());
        (await socket.ReceiveAsync())["id"]!.GetValue<string>().Should().Be(device.DeviceId);
    }

    [Theory]
    [InlineData("https://hello.nrfcloud.com")]
    [InlineData("http://localhost:5173")]
    public async Task A_browser_of_an_allowed_origin_may_connect(string origin)
    {
        var device = await _api.RegisterDeviceAsync();
        await using var socket = await NotificationClient.ConnectAsync(_api, device.Fingerprint, origin);
        (await socket.ReceiveAsync())["@context"]!.GetValue<string>().Should().Be(DeviceIdentity.ContextUrl);
    }

    [Fact]
    public async Task A_browser_of_another_origin_gets_403_as_with_CORS()
    {
        var device = await _api.RegisterDeviceAsync();
        var connect = () => NotificationClient.ConnectAsync(_api, device.Fingerprint, "https://evil.example");
        (await connect.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("403");

        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/ws?fingerprint={device.Fingerprint}");
        request.Headers.Add("Origin", "https://evil.example");
        var problem = await (await client.SendAsync(request, TestContext.Current.CancellationToken)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["title"]!.GetValue<string>().Should().Be("Origin not allowed!");
    }
}
