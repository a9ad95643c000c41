using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Http;

/// <summary>
/// Reads a small JSON request body. Handlers read bodies themselves (rather than through parameter binding) so that
/// wrong content types, oversized and malformed bodies all end as problem documents, and a malformed body is
/// reported together with every other failing field.
/// </summary>
public static class JsonBody
{
    /// <summary>Bigger bodies get 413; a FOTA or admin request body is a few hundred bytes.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>
    /// <see cref="Rejection"/> is set (415/413) when the body must not be looked at; otherwise <see cref="Node"/> holds the
    /// parsed body or <see cref="Error"/> says why it is not JSON.
    /// </summary>
    public sealed record Result(JsonNode? Node, string? Error, ProblemHttpResult? Rejection)
    {
        /// <summary>The body as an object, or null after adding to <paramref name="errors"/> why it is not one.</summary>
        public JsonObject? ObjectOrError(List<string> errors, string example)
        {
            if (Node is JsonObject json)
            {
                return json;
            }

            errors.Add(Error ?? $"body: must be a JSON object like {example}");
            return null;
        }
    }

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return new Result(null, null, Problems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return new Result(null, null, Problems.PayloadTooLarge(MaxBytes));
        }

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
                    return new Result(null, null, Problems.PayloadTooLarge(MaxBytes));
                }
            }

            if (length == 0)
            {
                return new Result(null, "body: is empty, expected a JSON object", null);
            }

            try
            {
                return new Result(JsonNode.Parse(buffer.AsSpan(0, length)), null, null);
            }
            catch (JsonException exception)
            {
                return new Result(null, $"body: is not valid JSON ({exception.Message})", null);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The string value of <paramref name="name"/> when the body is an object holding a string there.</summary>
    public static string? GetString(JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
