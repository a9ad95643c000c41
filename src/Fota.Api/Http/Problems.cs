using Microsoft.AspNetCore.Http.HttpResults;

namespace Fota.Api.Http;

/// <summary>
/// Problem documents (<c>application/problem+json</c>). The <c>@context</c> of the protocol is added to every
/// problem the service writes, framework-made ones included, by <see cref="HttpServiceCollectionExtensions"/>.
/// </summary>
public static class Problems
{
    public const string Context = "https://github.com/hello-nrfcloud/proto/ProblemDetail";
    public const string InternalErrorType = "https://hello.nrfcloud.com/errors/InternalError";

    /// <summary>The longest <c>detail</c> a problem carries; a longer one is cut and ends with an ellipsis.</summary>
    public const int MaxDetailLength = 500;

    /// <summary><paramref name="detail"/> cut to <see cref="MaxDetailLength"/>.</summary>
    public static string? Capped(string? detail) =>
        detail is { Length: > MaxDetailLength } ? string.Concat(detail.AsSpan(0, MaxDetailLength - 1), "…") : detail;

    public static ProblemHttpResult ValidationFailed(IEnumerable<string> errors) =>
        TypedResults.Problem(title: "Validation failed", detail: string.Join("; ", errors), statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult InternalError(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status500InternalServerError, type: InternalErrorType);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(
            title: "Unsupported media type",
            detail: $"The body must be sent as application/json in UTF-8, not {(string.IsNullOrEmpty(contentType) ? "without a Content-Type" : contentType)}.",
            statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static ProblemHttpResult PayloadTooLarge(long limit) =>
        TypedResults.Problem(
            title: "Payload too large",
            detail: $"The body must not be larger than {limit} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(
            title: "Unauthorized",
            detail: "The admin API needs Authorization: Bearer <admin token>.",
            statusCode: StatusCodes.Status401Unauthorized);
}
