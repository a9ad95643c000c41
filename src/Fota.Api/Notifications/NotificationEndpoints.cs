using System.Text;
using System.Text.Json;
using Fota.Api.Devices;
using Fota.Api.DeviceStates;
using Fota.Api.Http;
using Fota.Api.Jobs;
using Fota.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Fota.Api.Notifications;

/// <summary>
/// <c>GET /ws?fingerprint=…</c>: a WebSocket that receives the device's identity, then every change of its jobs.
/// Checked before the upgrade, in this order: a browser Origin not allowed by CORS (403), the fingerprint (400), a device
/// with that fingerprint (403 <c>Unknown fingerprint!</c>), a WebSocket request (400), a free connection slot of the
/// device (429, <see cref="ConnectionSlots"/>).
/// </summary>
public static partial class NotificationEndpoints
{
    public const string Path = "/ws";

    public static WebApplication MapNotifications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.MapGet(Path, ConnectAsync)
            .WithTags("Notifications")
            .RequireRateLimiting(ClientRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("Notifications")
            .WithSummary("Opens a WebSocket that receives the device's identity, then each change of its FOTA jobs.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        HttpContext context,
        [FromQuery] string? fingerprint,
        DeviceAccess access,
        DeviceConnections connections,
        ConnectionSlots slots,
        ConnectedDeviceWatches watches,
        IDeviceStateStore states,
        IConfiguration configuration,
        IOptions<NotificationOptions> options,
        IHostApplicationLifetime lifetime,
        ILogger<NotificationConnection> logger)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !CorsOrigins.FromConfiguration(configuration).IsAllowed(origin))
        {
            return Problems.Forbidden("Origin not allowed!", $"The origin {origin} may not open this WebSocket (Cors:AllowedOrigins).");
        }

        var found = await access.CheckAsync(DeviceLookup.ByFingerprint, fingerprint, null, context.RequestAborted);
        if (!found.IsSuccess)
        {
            return FotaProblems.From(found.Error, "Opening the notifications failed");
        }

        var device = found.Value;

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Problems.ValidationFailed(["request: must be a WebSocket upgrade request (Connection: Upgrade, Upgrade: websocket)"]);
        }

        // 429, not 503 (the service is fine) nor 409 (no resource state conflicts): this client holds too many at once,
        // and closing one of them, like waiting out a rate limit, is what lets the next one in.
        using var slot = slots.TryTake(device.DeviceId);
        if (slot is null)
        {
            return TypedResults.Problem(
                title: "Too many connections",
                detail: $"Device {device.DeviceId} already has {slots.Limit} open WebSocket connections "
                    + "(Fota:Notifications:MaxConnectionsPerDevice); close one first.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        // Registered before the upgrade is answered: once the client holds its WebSocket, every change published is
        // queued for it (behind the identity). Registering after the accept lost changes published in between.
        var settings = options.Value;
        var connection = new NotificationConnection(device.DeviceId, settings, logger);
        connection.Enqueue(JsonSerializer.SerializeToUtf8Bytes(
            new DeviceIdentity(DeviceIdentity.ContextUrl, device.DeviceId, device.Model), NotificationsJsonContext.Default.DeviceIdentity));
        connection.HoldUntilInitialState();
        connections.Add(connection);
        try
        {
            await StartStateAsync(connection, watches, states, logger, context.RequestAborted);
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = settings.KeepAlive,
                KeepAliveTimeout = settings.KeepAliveTimeout,
            });
            LogConnected(logger, device.DeviceId);
            await connection.RunAsync(socket, lifetime.ApplicationStopping);
        }
        finally
        {
            connections.Remove(connection);
            await watches.DisconnectedAsync(device.DeviceId);
            LogDisconnected(logger, device.DeviceId);
        }

        return TypedResults.Empty;
    }

    /// <summary>
    /// Watches the device while connected (SPEC §2.11), then queues its stored state, if known: changes stored after that
    /// follow as change events, and the first read's event delivers a state not known yet. A database failure here costs the
    /// state on connect, never the connection.
    /// </summary>
    private static async Task StartStateAsync(
        NotificationConnection connection, ConnectedDeviceWatches watches, IDeviceStateStore states, ILogger logger, CancellationToken cancellationToken)
    {
        StoredDeviceState? stored = null;
        try
        {
            await watches.ConnectedAsync(connection.DeviceId, cancellationToken);
            stored = await states.FindAsync(connection.DeviceId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStateFailed(logger, exception, connection.DeviceId);
        }
        finally
        {
            ReadOnlyMemory<byte>? message = null; // not a conditional: null would convert to an empty message through byte[]
            if (stored is not null)
            {
                message = Encoding.UTF8.GetBytes(stored.Message);
            }

            connection.SendInitialState(message, stored?.EventId ?? 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching the state of device {DeviceId} for its WebSocket failed")]
    private static partial void LogStateFailed(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket of device {DeviceId} opened")]
    private static partial void LogConnected(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket of device {DeviceId} closed")]
    private static partial void LogDisconnected(ILogger logger, string deviceId);
}
