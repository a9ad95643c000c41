using System.Net.Http.Headers;
using System.Text.Json;
using Fota.Api.Telemetry;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Fota.Api.NrfCloud;

/// <summary>
/// nRF Cloud's FOTA REST API. Each call goes through the named HttpClient of its kind (<see cref="NrfCloudCalls"/>), so its
/// timeouts and retries apply, as do handlers added through <c>ConfigureHttpClientDefaults</c>. Every call carries the
/// account's key. Failures name nRF Cloud, the operation and the status — never nRF Cloud's body, which may echo headers.
/// </summary>
public sealed partial class NrfCloudClient(
    IHttpClientFactory clients, IOptions<NrfCloudOptions> options, TimeProvider timeProvider, ILogger<NrfCloudClient> logger)
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = MediaTypeWithQualityHeaderValue.Parse("application/json; charset=utf-8");
    private static readonly MediaTypeHeaderValue ContentTypeJson = new("application/json");

    /// <summary><c>POST {endpoint}/v1/fota-jobs</c>, sent once (<see cref="NrfCloudCalls.SendOnce"/>); the result is nRF Cloud's job id.</summary>
    public async Task<NrfCloudResult<string>> CreateFotaJobAsync(
        NrfCloudAccount account, string bundleId, string deviceId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Post, account, "v1/fota-jobs");
        request.Content = new ByteArrayContent(CreateJobBody(bundleId, deviceId));
        request.Content.Headers.ContentType = ContentTypeJson;

        return await SendAsync(NrfCloudCalls.SendOnce, request, account, body =>
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("jobId", out var jobId)
                && jobId.ValueKind == JsonValueKind.String
                && jobId.GetString() is { Length: > 0 } id
                    ? id
                    : null;
        }, "a jobId", cancellationToken);
    }

    /// <summary><c>GET {endpoint}/v1/fota-jobs/{jobId}</c> (<see cref="NrfCloudCalls.Idempotent"/>). An answer for another job is a failure.</summary>
    public async Task<NrfCloudResult<NrfCloudFotaJob>> GetFotaJobAsync(
        NrfCloudAccount account, string jobId, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, account, "v1/fota-jobs/" + Uri.EscapeDataString(jobId));
        return await SendAsync(
            NrfCloudCalls.Idempotent,
            request,
            account,
            body => ParseJob(body) is { } job && job.JobId == jobId ? job : null,
            $"jobId \"{jobId}\", status and createdAt",
            cancellationToken);
    }

    /// <summary>Exactly <c>{"bundleId":"…","autoApply":true,"deviceIdentifiers":["…"]}</c>: compact, keys in this order.</summary>
    internal static byte[] CreateJobBody(string bundleId, string deviceId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("bundleId", bundleId);
            writer.WriteBoolean("autoApply", true);
            writer.WriteStartArray("deviceIdentifiers");
            writer.WriteStringValue(deviceId);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private HttpRequestMessage NewRequest(HttpMethod method, NrfCloudAccount account, string relativePath)
    {
        var baseAddress = account.ApiEndpoint.AbsoluteUri.EndsWith('/') ? account.ApiEndpoint : new Uri(account.ApiEndpoint.AbsoluteUri + "/");
        var request = new HttpRequestMessage(method, new Uri(baseAddress, relativePath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        request.Headers.Accept.Add(AcceptJson);
        NrfCloudRetries.StampBudget(request, timeProvider, options.Value.TotalTimeout);
        return request;
    }

    private static NrfCloudFotaJob? ParseJob(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var jobId = StringProperty(root, "jobId");
        var status = StringProperty(root, "status");
        var createdAt = StringProperty(root, "createdAt");
        if (string.IsNullOrEmpty(jobId) || string.IsNullOrEmpty(status) || string.IsNullOrEmpty(createdAt))
        {
            return null;
        }

        string? version = null;
        if (root.TryGetProperty("firmware", out var firmware) && firmware.ValueKind == JsonValueKind.Object)
        {
            version = StringProperty(firmware, "version");
        }

        return new NrfCloudFotaJob(
            jobId,
            status,
            createdAt,
            NullIfEmpty(StringProperty(root, "statusDetail")),
            NullIfEmpty(StringProperty(root, "lastUpdatedAt")),
            NullIfEmpty(version));
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private async Task<NrfCloudResult<T>> SendAsync<T>(
        string kind, HttpRequestMessage request, NrfCloudAccount account, Func<string, T?> parse, string expected, CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        using var trace = NrfCloudCallTrace.Start(request, account);
        try
        {
            using var response = await clients.CreateClient(kind).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            // The standard phrase, not nRF Cloud's: everything nRF Cloud sends back stays out of our answers.
            var answered = $"nRF Cloud answered {operation} with {status} {ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();
            if (!response.IsSuccessStatusCode)
            {
                trace.Answered(status, "failed");
                LogFailed(operation, account.Name, status);
                return NrfCloudResult<T>.Failed(new NrfCloudFailure(answered, status, OutcomeUnknown: status >= 500));
            }

            T? value;
            try
            {
                value = parse(body);
            }
            catch (JsonException)
            {
                value = null;
            }

            if (value is null)
            {
                trace.Answered(status, "unexpected_body");
                LogUnexpectedBody(operation, account.Name, status);
                // nRF Cloud said yes but not what it did: a create may have made a job.
                return NrfCloudResult<T>.Failed(new NrfCloudFailure($"{answered} but not with JSON holding {expected}", status, OutcomeUnknown: true));
            }

            trace.Answered(status, "ok");
            return NrfCloudResult<T>.Success(value);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException || exception is OperationCanceledException)
        {
            var cancelled = cancellationToken.IsCancellationRequested;
            trace.NoAnswer(cancelled ? "cancelled" : "timeout");
            LogUnreachable(operation, account.Name, cancelled ? "cancelled" : "timed out");
            var detail = cancelled ? $"The call {operation} to nRF Cloud was cancelled before nRF Cloud answered" : $"nRF Cloud did not answer {operation} in time";
            return NrfCloudResult<T>.Failed(new NrfCloudFailure(detail, null, OutcomeUnknown: true));
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(operation, account.Name, exception.Message);
            var notSent = NrfCloudRetries.IsNotSent(exception);
            trace.NoAnswer(notSent ? "unreachable" : "connection_lost");
            var what = notSent ? "could not be reached" : "closed the connection before answering";
            return NrfCloudResult<T>.Failed(new NrfCloudFailure($"nRF Cloud {what} for {operation}", null, OutcomeUnknown: !notSent));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "nRF Cloud answered {Operation} for account {Account} with {StatusCode}")]
    private partial void LogFailed(string operation, string account, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nRF Cloud answered {Operation} for account {Account} with {StatusCode} and an unexpected body")]
    private partial void LogUnexpectedBody(string operation, string account, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nRF Cloud call {Operation} for account {Account} failed: {Reason}")]
    private partial void LogUnreachable(string operation, string account, string reason);
}
