using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Fota.Api.Http;

/// <summary>
/// A small JSON request body, read by <see cref="Filter"/> before the handler runs. Wrong content types (415) and oversized
/// bodies (413) end there; a body that is not a valid JSON object is handed on as <see cref="Error"/>, so the handler can
/// report it together with every other failing field. Parsing is strict and eager: duplicate keys, invalid UTF-8 and lone
/// surrogates are errors here, never exceptions later.
/// </summary>
public sealed record JsonBody(JsonObject? Object, string? Error)
{
    /// <summary>Bigger bodies get 413; a FOTA or admin request body is a few hundred bytes.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>
    /// The route-group filter: a POST, PUT or PATCH must carry a JSON body of at most <see cref="MaxBytes"/> (else 415/413);
    /// the body is read for the handler (<see cref="Of"/>). Requests of other methods pass untouched.
    /// </summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            return await next(invocation);
        }

        if (!request.HasJsonContentType() || !IsUtf8(request.ContentType))
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        if (request.ContentLength > MaxBytes)
        {
            return Problems.PayloadTooLarge(MaxBytes);
        }

        var body = await ReadAsync(request, invocation.HttpContext.RequestAborted);
        if (body is null)
        {
            return Problems.PayloadTooLarge(MaxBytes);
        }

        invocation.HttpContext.Features.Set(body);
        return await next(invocation);
    }

    /// <summary>JSON is UTF-8 (RFC 8259); a body declared in another charset would be misread, so it is refused.</summary>
    private static bool IsUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.Charset.Length == 0 || HeaderUtilities.RemoveQuotes(mediaType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body <see cref="Filter"/> read for this request.</summary>
    public static JsonBody Of(HttpContext context) =>
        context.Features.Get<JsonBody>() ?? throw new InvalidOperationException("The endpoint's group has no JsonBody.Filter.");

    /// <summary>The body as an object, or null after adding to <paramref name="errors"/> why it is not one.</summary>
    public JsonObject? ObjectOrError(List<string> errors, string example)
    {
        if (Object is not null)
        {
            return Object;
        }

        errors.Add(Error ?? $"body: must be a JSON object like {example}");
        return null;
    }

    /// <summary>The string value of <paramref name="name"/> when the body is an object holding a string there.</summary>
    public static string? GetString(JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>
    /// Adds an error for every property not in <paramref name="known"/> (compared exactly): a misspelt field is refused,
    /// never silently ignored.
    /// </summary>
    public static void UnknownFields(JsonObject body, IReadOnlyList<string> known, List<string> errors)
    {
        foreach (var (name, _) in body)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"{name}: is not a field of this body (the fields are {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>Null when the body is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<JsonBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                {
                    return null;
                }
            }

            return length == 0 ? new JsonBody(null, "body: is empty, expected a JSON object") : Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static JsonBody Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, Strict);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new JsonBody(null, null);
            }

            // JsonDocument decodes strings lazily; decoding each one now turns bad text into an error here.
            DecodeEveryString(document.RootElement);
            return new JsonBody(JsonObject.Create(document.RootElement.Clone()), null);
        }
        catch (JsonException exception)
        {
            return new JsonBody(null, $"body: is not valid JSON ({exception.Message})");
        }
        catch (InvalidOperationException)
        {
            return new JsonBody(null, "body: is not valid JSON (a string is not valid UTF-8 or holds a lone surrogate)");
        }
    }

    private static void DecodeEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    DecodeEveryString(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    DecodeEveryString(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
