using System.Diagnostics;
using Fota.Api.NrfCloud;

namespace Fota.Api.Telemetry;

/// <summary>
/// One nRF Cloud call as a span (<c>nRF Cloud {call}</c>, kind Client) and one count in <c>fota.nrfcloud.calls</c>. It carries
/// the account's name, the call (method and path template) and the status — never the key, the URL's host or a body.
/// </summary>
public sealed class NrfCloudCallTrace : IDisposable
{
    private readonly Activity? _span;
    private readonly string _call;
    private readonly string _account;
    private bool _recorded;

    private NrfCloudCallTrace(string call, string account)
    {
        _call = call;
        _account = account;
        _span = FotaTelemetry.Source.StartActivity($"nRF Cloud {call}", ActivityKind.Client);
        _span?.SetTag(FotaTelemetry.Tags.Account, account);
        _span?.SetTag(FotaTelemetry.Tags.Call, call);
    }

    public static NrfCloudCallTrace Start(HttpRequestMessage request, NrfCloudAccount account) =>
        new(CallName(request.Method, account.ApiEndpoint, request.RequestUri!), account.Name);

    /// <summary>
    /// The call as a low-cardinality name: the method and the path below the account's endpoint, every segment that is not a
    /// plain lower-case word (ids, bundle ids) as <c>{id}</c>: <c>GET /v1/fota-jobs/{id}</c>. No query, no host.
    /// </summary>
    public static string CallName(HttpMethod method, Uri endpoint, Uri requestUri)
    {
        var below = requestUri.AbsolutePath;
        var prefix = endpoint.AbsolutePath.TrimEnd('/');
        if (prefix.Length > 0 && below.StartsWith(prefix, StringComparison.Ordinal))
        {
            below = below[prefix.Length..];
        }

        var segments = below.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => IsWord(segment) ? segment : "{id}");
        return $"{method.Method} /{string.Join('/', segments)}";
    }

    /// <summary>nRF Cloud answered with <paramref name="status"/>; <paramref name="outcome"/> is <c>ok</c>, <c>failed</c> or <c>unexpected_body</c>.</summary>
    public void Answered(int status, string outcome)
    {
        _span?.SetTag(FotaTelemetry.Tags.StatusCode, status);
        Record(status, outcome);
    }

    /// <summary>No answer: <c>timeout</c>, <c>cancelled</c>, <c>unreachable</c> or <c>connection_lost</c>.</summary>
    public void NoAnswer(string outcome) => Record(null, outcome);

    public void Dispose()
    {
        if (!_recorded)
        {
            Record(null, "error");
        }

        _span?.Dispose();
    }

    private void Record(int? status, string outcome)
    {
        _recorded = true;
        _span?.SetTag(FotaTelemetry.Tags.Outcome, outcome);
        if (outcome != "ok")
        {
            _span.Fail($"nRF Cloud {_call}: {outcome}{(status is { } code ? $" ({code})" : "")}");
        }

        var tags = new TagList { { FotaTelemetry.Tags.Account, _account }, { FotaTelemetry.Tags.Call, _call }, { FotaTelemetry.Tags.Outcome, outcome } };
        if (status is { } answered)
        {
            tags.Add(FotaTelemetry.Tags.StatusCode, answered);
        }

        FotaTelemetry.NrfCloudCalls.Add(1, tags);
    }

    private static bool IsWord(string segment) =>
        (segment.Length > 1 && segment[0] == 'v' && segment[1..].All(char.IsAsciiDigit))
        || (segment.Length > 0 && segment.All(c => char.IsAsciiLetterLower(c) || c == '-'));
}
