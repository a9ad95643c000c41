using System.Security.Cryptography;
using System.Text;
using MockNrfCloud.Abstractions.Admin;

namespace MockNrfCloud.Admin;

/// <summary>Guards the admin API: when a token is configured, every /mock/ request except the health check must carry
/// "Authorization: Bearer &lt;token&gt;", else 401 with a JSON body.</summary>
internal sealed class AdminTokenMiddleware(RequestDelegate next, MockOptions options)
{
    private readonly byte[]? _expected = string.IsNullOrEmpty(options.AdminToken) ? null : Encoding.UTF8.GetBytes("Bearer " + options.AdminToken);

    public Task InvokeAsync(HttpContext context)
    {
        if (_expected is null || context.Request.Path.Equals(AdminEndpoints.HealthPath, StringComparison.Ordinal))
        {
            return next(context);
        }

        var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        if (CryptographicOperations.FixedTimeEquals(given, _expected))
        {
            return next(context);
        }

        var error = new AdminError("The mock admin API requires 'Authorization: Bearer <admin token>' (configured as Mock:AdminToken).", "Authorization");
        return TypedResults.Json(error, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }
}
