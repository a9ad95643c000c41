using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
using MockNrfCloud.Abstractions.Parsing;
using MockNrfCloud.Queueing;
using MockNrfCloud.Simulator;
using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace MockNrfCloud.NrfCloud;

/// <summary>
/// Answers every nRF Cloud request (the catch-all WireMock mapping) from the caller's queue and records it in the journal.
/// Why a response provider and not one WireMock mapping per queued response: the answer depends on the request's bearer
/// key partition, on FIFO order across responses and on one-shot consumption. Doing that with mappings would need
/// scenario state per queue entry, which WireMock updates without atomicity, so two concurrent requests could both take
/// one one-shot response. Here the take is one locked step per partition. The request is recorded before a response's
/// directives (<see cref="ResponseDirectives"/>) delay or drop the answer; a delay holds only its own request.
/// </summary>
internal sealed class NrfCloudResponseProvider(MockNrfCloudState state) : IResponseProvider
{
    public async Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(IMapping mapping, HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        var httpRequest = context.Request;
        var apiKey = ApiKeyPartition.FromAuthorization(httpRequest.Headers.Authorization);
        var method = requestMessage.Method;
        var path = NormalizedPath(context);
        var query = httpRequest.QueryString.HasValue ? httpRequest.QueryString.Value![1..] : string.Empty;

        var answer = state.Receive(apiKey, new RecordedRequest(
            new DateTimeOffset(DateTime.SpecifyKind(requestMessage.DateTime, DateTimeKind.Utc)),
            method,
            path,
            query,
            JoinHeaders(requestMessage),
            ReadBody(requestMessage),
            ResponseId: null));

        if (answer.Simulated is { } simulated)
        {
            return await DelayAsync(answer.SimulatedLatency, state.Time, context).ConfigureAwait(false)
                ? (Simulated(simulated, context), null)
                : (Abort(context), null);
        }

        if (answer.Queued is not { } queued)
        {
            return (NothingQueued(apiKey, method, path, query), null);
        }

        var directives = queued.Directives;
        if (!await DelayAsync(directives.Delay, TimeProvider.System, context).ConfigureAwait(false))
        {
            return (Abort(context), null);
        }

        return (directives.Drop ? Abort(context) : Serve(queued, context), null);
    }

    /// <summary>Waits without holding anything but this request; false when the caller went away or the mock is stopping.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, TimeProvider time, HttpContext context)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        try
        {
            await Task.Delay(delay, time, ended.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>X-Mock-Drop: the connection is closed without an answer (the caller sees it reset after sending).
    /// WireMock still maps the returned message, onto an aborted response, which writes nothing.</summary>
    private static ResponseMessage Abort(HttpContext context)
    {
        context.Abort();
        return new ResponseMessage { StatusCode = (int)HttpStatusCode.OK };
    }

    private static ResponseMessage Serve(QueuedResponse queued, HttpContext context)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in queued.Headers)
        {
            if (headers.TryGetValue(name, out var values))
            {
                values.Add(value);
            }
            else
            {
                headers[name] = new WireMockList<string>(value);
            }
        }

        var reason = context.Features.Get<IHttpResponseFeature>();
        if (reason is not null && queued.Response.ReasonPhrase.Length > 0)
        {
            reason.ReasonPhrase = queued.Response.ReasonPhrase;
        }

        // WireMock leaves Content-Length unset when it writes a body (the response would go chunked); the mock computes it.
        if (queued.Body.Length > 0)
        {
            context.Response.ContentLength = queued.Body.Length;
        }

        return new ResponseMessage
        {
            StatusCode = queued.Response.StatusCode,
            Headers = headers,
            BodyData = queued.Body.Length == 0 ? null : new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = queued.Body },
        };
    }

    private static ResponseMessage Simulated(SimulatedAnswer answer, HttpContext context)
    {
        var body = Encoding.UTF8.GetBytes(answer.Body);
        if (body.Length == 0)
        {
            return new ResponseMessage { StatusCode = answer.StatusCode };
        }

        context.Response.ContentLength = body.Length;
        return new ResponseMessage
        {
            StatusCode = answer.StatusCode,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
            BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = body },
        };
    }

    private static BodyData Utf8(string json) => new() { DetectedBodyType = BodyType.String, BodyAsString = json, Encoding = new UTF8Encoding(false) };

    private ResponseMessage NothingQueued(string apiKey, string method, string path, string query)
    {
        var key = query.Length == 0 ? $"{method} {path}" : $"{method} {path}?{query}";
        var masked = ApiKeyPartition.Mask(apiKey);
        var queued = state.QueuedFor(apiKey);
        var body = new NothingQueuedBody(
            $"Nothing is queued for {key} with API key {masked}; {queued.Count} response(s) queued for that key.",
            key,
            masked,
            queued.Select(q => new QueuedResponseSummary(q.Id, q.Pattern.ToString(), q.Keep)).ToList());
        var json = System.Text.Json.JsonSerializer.Serialize(body, NrfCloudJson.Options);
        return new ResponseMessage
        {
            StatusCode = (int)HttpStatusCode.NotFound,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
            BodyData = Utf8(json),
        };
    }

    /// <summary>The path as the client sent it, normalised the way queue keys, filters and expected requests are.</summary>
    private static string NormalizedPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return RequestPaths.Normalize(question < 0 ? raw : raw[..question]);
    }

    private static Dictionary<string, string> JoinHeaders(IRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers is not null)
        {
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = string.Join(", ", values);
            }
        }

        return headers;
    }

    private static string ReadBody(IRequestMessage request) =>
        request.BodyData?.BodyAsString
        ?? (request.BodyData?.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty);
}
