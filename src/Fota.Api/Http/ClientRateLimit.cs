using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Fota.Api.Http;

/// <summary>
/// The rate limit of the device endpoints and <c>/ws</c> (<c>Http:RateLimit</c>): a fixed window per client address (as
/// <c>UseForwardedHeaders</c> resolved it; an IPv6 client by its /64, what one subscriber usually holds). A refused
/// request gets 429 with <c>Retry-After</c> and a problem document.
/// </summary>
public static class ClientRateLimit
{
    public const string Policy = "per-client-address";

    public static void Configure(RateLimiterOptions options, RateLimitSettings settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => settings.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
        options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected.HttpContext, rejected.Lease, settings);
    }

    /// <summary>The partition: the client's address, an IPv6 one cut to its /64; "unknown" when the server names none.</summary>
    internal static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, RateLimitSettings settings)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client made more than {settings.PermitLimit} requests within {settings.Window}; "
                    + $"retry after {seconds} s (Http:RateLimit).",
            },
        });
    }
}
