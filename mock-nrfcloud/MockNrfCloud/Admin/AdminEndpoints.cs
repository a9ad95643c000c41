using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Admin;
using MockNrfCloud.Abstractions.Simulator;

namespace MockNrfCloud.Admin;

/// <summary>The admin HTTP API. Mapped inside the "/mock" branch of WireMock's pipeline, so routes here are relative to /mock.</summary>
internal static class AdminEndpoints
{
    public const string HealthPath = "/health";

    public static IEndpointRouteBuilder MapMockAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HealthPath, () => TypedResults.Ok(new { status = "ok" }));
        endpoints.MapPost("/responses", QueueAsync);
        endpoints.MapDelete("/responses", (MockNrfCloudState state, string? apiKey) =>
        {
            state.ClearResponses(apiKey);
            return TypedResults.NoContent();
        });
        endpoints.MapGet("/requests", (MockNrfCloudState state, string? apiKey, string? method, string? path) =>
            TypedResults.Ok(state.FindRequests(new RequestFilter(apiKey, method, path))));
        endpoints.MapDelete("/requests", (MockNrfCloudState state, string? apiKey) =>
        {
            state.ClearRequests(apiKey);
            return TypedResults.NoContent();
        });
        endpoints.MapPost("/requests/wait", WaitAsync);
        endpoints.MapPost("/requests/match", MatchAsync);
        endpoints.MapPut("/simulator/devices", SeedDevicesAsync);
        return endpoints;
    }

    private static async Task<Results<Created<QueuedResponseCreated>, BadRequest<AdminError>>> QueueAsync(HttpRequest request, MockNrfCloudState state)
    {
        var (command, error) = await ReadBodyAsync<QueueResponseCommand>(request);
        if (command is null)
        {
            return TypedResults.BadRequest(error);
        }

        try
        {
            var id = state.Queue(command.ApiKey, command.Request, command.Response, command.Keep);
            return TypedResults.Created((string?)null, new QueuedResponseCreated(id));
        }
        catch (MockNrfCloudInputException e)
        {
            return TypedResults.BadRequest(new AdminError(e.Problem, e.ParamName == "rawResponse" ? "response" : e.ParamName));
        }
    }

    private static async Task<Results<Ok<RecordedRequest>, NotFound<AdminError>, BadRequest<AdminError>>> WaitAsync(HttpRequest request, MockNrfCloudState state)
    {
        var (command, error) = await ReadBodyAsync<WaitForRequestCommand>(request);
        if (command is null)
        {
            return TypedResults.BadRequest(error);
        }

        var filter = new RequestFilter(command.ApiKey, command.Method, command.Path);
        try
        {
            var found = await state.WaitAsync(filter, TimeSpan.FromMilliseconds(command.TimeoutMs), request.HttpContext.RequestAborted);
            return found is null
                ? TypedResults.NotFound(new AdminError($"No request matching {Describe(filter)} arrived within {command.TimeoutMs} ms."))
                : TypedResults.Ok(found);
        }
        catch (MockNrfCloudInputException e)
        {
            return TypedResults.BadRequest(new AdminError(e.Problem, "timeoutMs"));
        }
    }

    private static async Task<Results<Ok<RequestMatchResult>, BadRequest<AdminError>>> MatchAsync(HttpRequest request, MockNrfCloudState state)
    {
        var (command, error) = await ReadBodyAsync<MatchRequestCommand>(request);
        if (command is null)
        {
            return TypedResults.BadRequest(error);
        }

        try
        {
            return TypedResults.Ok(await state.MatchAsync(command.ApiKeys, command.Request, TimeSpan.FromMilliseconds(command.TimeoutMs), request.HttpContext.RequestAborted));
        }
        catch (MockNrfCloudInputException e)
        {
            return TypedResults.BadRequest(new AdminError(e.Problem, e.ParamName switch { "expectedRequest" => "request", "timeout" => "timeoutMs", var name => name }));
        }
    }

    private static async Task<Results<NoContent, BadRequest<AdminError>, Conflict<AdminError>>> SeedDevicesAsync(HttpRequest request, MockNrfCloudState state)
    {
        var (command, error) = await ReadBodyAsync<SeedDevicesCommand>(request);
        if (command is null)
        {
            return TypedResults.BadRequest(error);
        }

        try
        {
            state.SeedDevices(command.ApiKey, command.Devices);
            return TypedResults.NoContent();
        }
        catch (MockNrfCloudInputException e)
        {
            return TypedResults.BadRequest(new AdminError(e.Problem, e.ParamName));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Conflict(new AdminError(e.Message, "mode"));
        }
    }

    private static async Task<(T? Body, AdminError? Error)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var body = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return body is null ? (null, new AdminError("The request body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, new AdminError($"The request body is not valid JSON for this operation: {e.Message}", e.Path));
        }
        catch (InvalidOperationException e)
        {
            return (null, new AdminError($"The request body must be JSON (Content-Type: application/json): {e.Message}"));
        }
    }

    private static string Describe(RequestFilter filter) =>
        $"apiKey={filter.ApiKey ?? "*"} method={filter.Method ?? "*"} path={filter.Path ?? "*"}";
}
