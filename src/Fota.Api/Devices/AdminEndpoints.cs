using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fota.Api.Http;
using Fota.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Devices;

/// <summary>Response of <c>PUT /admin/accounts/{name}</c>: never the key.</summary>
public sealed record AccountResponse(string Name, string ApiEndpoint);

/// <summary>Response of <c>POST /admin/devices</c>.</summary>
public sealed record DeviceResponse(string DeviceId, string Fingerprint, string Model, string Account);

/// <summary>Documented request bodies (handlers read bodies themselves).</summary>
public sealed record PutAccountRequest(string ApiEndpoint, string ApiKey);

public sealed record AddDeviceRequest(string Model, string? Account, string? DeviceId, string? Fingerprint);

/// <summary>The registry's admin API. Mapped only when <c>Admin:Token</c> is set; every call needs that bearer token.</summary>
public static partial class AdminEndpoints
{
    // Shown in errors with $; matched with \z, since in .NET $ also matches before a final newline.
    private const string NameChars = "^[A-Za-z0-9._-]{1,64}";
    private const string DeviceIdChars = "^[A-Za-z0-9._:-]{1,128}";
    private const string NamePattern = NameChars + "$";
    private const string DeviceIdPattern = DeviceIdChars + "$";

    /// <summary>What an HTTP header value can carry as a bearer token: visible ASCII, no space, no control character.</summary>
    private const string ApiKeyRule = "1 to 1024 visible ASCII characters (no spaces, line breaks, control or non-ASCII characters)";

    /// <summary>The token <c>appsettings.Development.json</c> gives the Development environment; a warning says when it is in use.</summary>
    public const string DevelopmentToken = "dev-admin-token";

    private static readonly string[] AccountFields = ["apiEndpoint", "apiKey"];
    private static readonly string[] DeviceFields = ["model", "account", "deviceId", "fingerprint"];

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var token = configuration["Admin:Token"];
        if (string.IsNullOrEmpty(token))
        {
            return app; // no token, no admin API
        }

        if (token == DevelopmentToken)
        {
            LogDevelopmentToken(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminEndpoints).FullName!), DevelopmentToken);
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var admin = app.MapGroup("/admin").WithTags("Admin")
            .AddEndpointFilter(async (context, next) =>
                IsAuthorized(context.HttpContext.Request, expected) ? await next(context) : Problems.Unauthorized())
            .AddEndpointFilter(JsonBody.Filter)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        admin.MapPut("/accounts/{name}", PutAccountAsync)
            .WithName("PutAccount")
            .WithSummary("Creates or updates an nRF Cloud account.")
            .Accepts<PutAccountRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        admin.MapPost("/devices", AddDeviceAsync)
            .WithName("AddDevice")
            .WithSummary("Registers a device; generates its id and fingerprint when not given.")
            .Accepts<AddDeviceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return app;
    }

    /// <summary>Compares SHA-256 digests in constant time, so neither content nor length of the token leaks through timing.</summary>
    private static bool IsAuthorized(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static async Task<Results<Created<AccountResponse>, Ok<AccountResponse>, ProblemHttpResult>> PutAccountAsync(
        string name, HttpContext context, IRegistryStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var body = JsonBody.Of(context);

        var errors = new List<string>();
        if (!NameRegex().IsMatch(name))
        {
            errors.Add($"name: must match {NamePattern}");
        }

        string? endpoint = null, apiKey = null;
        if (body.ObjectOrError(errors, "{\"apiEndpoint\": \"https://api.nrfcloud.com\", \"apiKey\": \"…\"}") is { } json)
        {
            JsonBody.UnknownFields(json, AccountFields, errors);
            endpoint = JsonBody.GetString(json, "apiEndpoint");
            apiKey = JsonBody.GetString(json, "apiKey");
            if (endpoint is null
                || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add("apiEndpoint: is required, an absolute http(s) URL");
            }

            if (apiKey is null || !ApiKeyRegex().IsMatch(apiKey))
            {
                errors.Add($"apiKey: is required, {ApiKeyRule}");
            }
        }

        // Both are null only with an error named.
        if (errors.Count > 0 || endpoint is null || apiKey is null)
        {
            return Problems.ValidationFailed(errors);
        }

        var created = await store.UpsertAccountAsync(new StoredAccount(name, endpoint, apiKey), timeProvider.GetUtcNow(), cancellationToken);
        var response = new AccountResponse(name, endpoint);
        return created
            ? TypedResults.Created($"/admin/accounts/{Uri.EscapeDataString(name)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Created<DeviceResponse>, ProblemHttpResult>> AddDeviceAsync(
        HttpContext context, IRegistryStore store, AccountRegistry accounts, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var body = JsonBody.Of(context);

        var errors = new List<string>();
        if (body.ObjectOrError(errors, "{\"model\": \"PCA20065\", \"account\": \"nordic\"}") is not { } json)
        {
            return Problems.ValidationFailed(errors);
        }

        JsonBody.UnknownFields(json, DeviceFields, errors);
        var model = JsonBody.GetString(json, "model");
        if (string.IsNullOrWhiteSpace(model))
        {
            errors.Add("model: is required, a non-empty string");
        }

        var account = OptionalString(json, "account", errors) ?? AccountRegistry.DefaultAccountName;
        if (!NameRegex().IsMatch(account))
        {
            errors.Add($"account: must match {NamePattern}");
        }

        var deviceId = OptionalString(json, "deviceId", errors);
        if (deviceId is not null && !DeviceIdRegex().IsMatch(deviceId))
        {
            errors.Add($"deviceId: must match {DeviceIdPattern}");
        }

        var fingerprint = OptionalString(json, "fingerprint", errors);
        if (fingerprint is not null && !Fingerprints.IsValid(fingerprint))
        {
            errors.Add($"fingerprint: must match {Fingerprints.Pattern} (case-insensitive)");
        }

        if (errors.Count == 0 && await accounts.FindAsync(account, cancellationToken) is null)
        {
            errors.Add($"account: '{account}' is not a known nRF Cloud account (PUT /admin/accounts/{{name}} first)");
        }

        if (errors.Count > 0 || model is null)
        {
            return Problems.ValidationFailed(errors);
        }

        var device = new StoredDevice(
            deviceId ?? DeviceIdentifiers.NewDeviceId(), fingerprint ?? DeviceIdentifiers.NewFingerprint(), model, account);
        return await store.AddDeviceAsync(device, timeProvider.GetUtcNow(), cancellationToken) switch
        {
            AddDeviceOutcome.Added => TypedResults.Created(
                $"/admin/devices/{Uri.EscapeDataString(device.DeviceId)}",
                new DeviceResponse(device.DeviceId, device.Fingerprint, device.Model, device.Account)),
            AddDeviceOutcome.DuplicateDeviceId => Problems.Conflict("Device already exists", $"A device with the ID {device.DeviceId} is already registered."),
            _ => Problems.Conflict("Fingerprint already in use", "Another device already has this fingerprint."),
        };
    }

    /// <summary>A property that may be absent or null; present, it must be a non-empty string.</summary>
    private static string? OptionalString(JsonObject json, string name, List<string> errors)
    {
        if (!json.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        var value = JsonBody.GetString(json, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name}: must be a non-empty string when given");
            return null;
        }

        return value;
    }

    [GeneratedRegex(NameChars + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex(DeviceIdChars + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceIdRegex();

    [GeneratedRegex("^[\\x21-\\x7E]{1,1024}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyRegex();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The admin API takes the Development default token {Token} (appsettings.Development.json); set Admin:Token to a secret of your own anywhere else")]
    private static partial void LogDevelopmentToken(ILogger logger, string token);
}
