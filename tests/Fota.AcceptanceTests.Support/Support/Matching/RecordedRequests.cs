using System.Globalization;
using System.Text;
using Fota.AcceptanceTests.Drivers;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;

namespace Fota.AcceptanceTests.Support.Matching;

/// <summary>What the mock recorded, written for failure messages.</summary>
public static class RecordedRequests
{
    /// <summary>Why no recorded request matches the expected one: the differences of the nearest misses (those with its
    /// method and path), then everything recorded.</summary>
    public static string ExplainMismatch(RequestTarget expected, RequestMatchResult result, Uri mockEndpoint, TimeSpan waited, ApiResponse? lastServiceResponse)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var recorded = result.Recorded;
        var sameTarget = result.NearestMisses.Select(miss => miss.Request).ToList();
        if (sameTarget.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No {expected} request reached the mock nRF Cloud at {mockEndpoint} for this scenario's API key(s)");
            text.AppendLine(waited > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" within {waited.TotalSeconds:0.#} s.") : ".");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"None of the {sameTarget.Count} {expected} request(s) the mock nRF Cloud recorded for this scenario matches:");
            foreach (var miss in result.NearestMisses)
            {
                foreach (var difference in miss.Differences)
                {
                    text.Append("  - ").AppendLine(difference);
                }
            }
        }

        // In full: the requests to the expected target when there are any (else everything); the rest in one line each.
        var shown = sameTarget.Count > 0 ? sameTarget : recorded.ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"Recorded for this scenario ({recorded.Count}):");
        foreach (var request in shown)
        {
            text.Append("  ").Append(Describe(request));
        }

        foreach (var other in recorded.Except(shown).GroupBy(request => $"{request.Method} {request.Path}", StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {other.Key} ×{other.Count()}");
        }

        if (lastServiceResponse is not null)
        {
            text.Append("The service's last answer: ").AppendLine(lastServiceResponse.Describe());
        }

        return text.ToString();
    }

    /// <summary>Every recorded request, oldest first.</summary>
    public static string List(IReadOnlyList<RecordedRequest> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"Recorded for this scenario ({recorded.Count}):");
        foreach (var request in recorded)
        {
            text.Append("  ").Append(Describe(request));
        }

        return text.ToString();
    }

    /// <summary>A recorded request as raw HTTP (the Authorization value cut short).</summary>
    public static string Describe(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder()
            .Append(request.Method).Append(' ').Append(request.Path)
            .Append(request.Query.Length > 0 ? "?" + request.Query : string.Empty)
            .Append(" (at ").Append(request.Time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(')')
            .AppendLine();
        foreach (var (name, value) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("    ").Append(name).Append(": ").AppendLine(name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? Redact(value) : value);
        }

        if (request.Body.Length > 0)
        {
            text.Append("    ").AppendLine(request.Body.Length <= 1000 ? request.Body : request.Body[..1000] + "…");
        }

        return text.ToString();
    }

    private static string Redact(string authorization) =>
        authorization.Length <= 16 ? authorization : authorization[..16] + "…";
}
