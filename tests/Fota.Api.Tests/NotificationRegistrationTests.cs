using System.Net.WebSockets;
using Fota.Api.Notifications;
using Fota.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.Api.Tests;

/// <summary>
/// A connection receives every change published once its client holds the upgraded WebSocket: the connection is
/// registered before the upgrade is answered, not after. (The race behind the flaky "Two connections of one device
/// both get the change": a change published between the 101 and the registration was lost.)
/// </summary>
public sealed class NotificationRegistrationTests : IDisposable
{
    private readonly FotaApiFactory _api = new(settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_change_published_right_after_the_upgrade_reaches_the_new_connection()
    {
        var device = await _api.RegisterDeviceAsync();
        // The service is held right after it answered the upgrade (the client has its WebSocket), until released.
        using var held = _api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new HoldAfterUpgrade(_release.Task))));
        var connections = held.Services.GetRequiredService<DeviceConnections>();
        var client = held.Server.CreateWebSocketClient();
        await using var notifications = NotificationClient.Of(await client.ConnectAsync(
            new Uri($"ws://localhost/ws?fingerprint={Uri.EscapeDataString(device.Fingerprint)}"), TestContext.Current.CancellationToken));

        connections.Publish(device.DeviceId, "{\"n\":1}"); // a change while the service is still setting the connection up
        _release.SetResult();
        (await notifications.ReceiveAsync())["@context"]!.GetValue<string>().Should().Be(DeviceIdentity.ContextUrl);
        connections.Publish(device.DeviceId, "{\"n\":2}");

        (await notifications.ReceiveAsync()).ToJsonString().Should().Be("{\"n\":1}", "the change published after the client had its WebSocket is not lost");
        (await notifications.ReceiveAsync()).ToJsonString().Should().Be("{\"n\":2}");
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _api.Dispose();
    }

    /// <summary>Wraps the WebSocket upgrade so the service waits for <c>release</c> after the upgrade is answered.</summary>
    private sealed class HoldAfterUpgrade(Task release) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var upgrade = context.Features.Get<IHttpWebSocketFeature>();
                if (upgrade is not null)
                {
                    context.Features.Set<IHttpWebSocketFeature>(new HeldUpgrade(upgrade, release));
                }

                await following(context);
            });
            next(app);
        };
    }

    private sealed class HeldUpgrade(IHttpWebSocketFeature inner, Task release) : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => inner.IsWebSocketRequest;

        public async Task<WebSocket> AcceptAsync(WebSocketAcceptContext context)
        {
            var socket = await inner.AcceptAsync(context);
            await release;
            return socket;
        }
    }
}
