using Fota.Api.Http;
using Fota.Api.Jobs;
using Fota.Api.Storage;

namespace Fota.Api.Devices;

/// <summary>
/// The <c>/device/{deviceId}</c> route group: every endpoint in it runs behind one filter that checks the fingerprint (and the
/// endpoint's <see cref="DeviceBody"/>, if it reads one), loads the device and answers 400 → 404 → 403, so a handler only
/// runs for a device the caller may act on and takes it from <see cref="CurrentDevice"/>.
/// </summary>
public static class DeviceRoutes
{
    /// <summary>
    /// The group, declaring the answers every endpoint in it can give: the device check's 400/403/404 and the rate limit's 429.
    /// <paramref name="basePath"/> is the API generation's base (<c>/v2</c>; empty for the seed's contract).
    /// </summary>
    public static RouteGroupBuilder MapDeviceRoutes(this IEndpointRouteBuilder app, string basePath = "")
    {
        var group = app.MapGroup(basePath + "/device/{deviceId}")
            .WithTags("FOTA")
            .RequireRateLimiting(ClientRateLimit.Policy)
            .AddEndpointFilter(JsonBody.Filter)
            .AddEndpointFilter(CheckDeviceAsync);
        group.ProducesProblem(StatusCodes.Status400BadRequest);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        group.ProducesProblem(StatusCodes.Status404NotFound);
        group.ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <summary>
    /// The endpoint reads a JSON body <typeparamref name="T"/> with <paramref name="read"/>, which adds the body's errors; the
    /// handler gets the value from <see cref="CurrentDevice.Body{T}"/>. Declares the body and its 413/415 answers
    /// (<see cref="JsonBody.Filter"/>'s), which only endpoints with a body can give.
    /// </summary>
    public static RouteHandlerBuilder ReadsBody<T>(this RouteHandlerBuilder endpoint, Func<JsonBody, List<string>, T?> read)
        where T : class =>
        endpoint.WithMetadata(new DeviceBody((body, errors) => read(body, errors)))
            .Accepts<T>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async ValueTask<object?> CheckDeviceAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var deviceId = context.GetRouteValue("deviceId") as string ?? string.Empty;
        var bodyRule = context.GetEndpoint()?.Metadata.GetMetadata<DeviceBody>();
        object? body = null;
        var device = await context.RequestServices.GetRequiredService<DeviceAccess>().CheckAsync(
            new DeviceLookup.Id(deviceId),
            (string?)context.Request.Query["fingerprint"],
            bodyRule is null ? null : errors => body = bodyRule.Read(JsonBody.Of(context), errors),
            context.RequestAborted);
        if (!device.IsSuccess)
        {
            return FotaProblems.From(device.Error, "Checking the device failed");
        }

        context.RequestServices.GetRequiredService<CurrentDevice>().Grant(device.Value, body);
        return await next(invocation);
    }
}

/// <summary>Endpoint metadata: how the endpoint reads its body (null after adding errors).</summary>
public sealed record DeviceBody(Func<JsonBody, List<string>, object?> Read);

/// <summary>The device of the current request, checked by the <see cref="DeviceRoutes"/> filter (TodoApi's <c>CurrentUser</c> shape).</summary>
public sealed class CurrentDevice
{
    private StoredDevice? _device;
    private object? _body;

    /// <summary>The device the caller may act on.</summary>
    public StoredDevice Device => _device ?? throw new InvalidOperationException("The endpoint is not in the device route group (MapDeviceRoutes).");

    /// <summary>The body the endpoint's <see cref="DeviceBody"/> read.</summary>
    public T Body<T>()
        where T : class =>
        _body as T ?? throw new InvalidOperationException($"The endpoint reads no {typeof(T).Name} body (ReadsBody).");

    internal void Grant(StoredDevice device, object? body)
    {
        _device = device;
        _body = body;
    }
}
