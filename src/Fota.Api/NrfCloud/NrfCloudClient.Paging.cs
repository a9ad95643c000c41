using System.Text.Json;

namespace Fota.Api.NrfCloud;

public sealed partial class NrfCloudClient
{
    public const int PageLimit = 100;

    /// <summary>Stops a listing that never ends (10 000 items).</summary>
    public const int MaxPages = 100;

    /// <summary>One page of an nRF Cloud listing: its items and the token of the next page (null on the last).</summary>
    private sealed record Page<T>(IReadOnlyList<T> Items, string? PageNextToken);

    /// <summary>
    /// <c>GET {endpoint}/{path}?pageLimit=100</c>, then again with <c>&amp;pageNextToken=…</c> until nRF Cloud gives no
    /// token (<see cref="NrfCloudCalls.Idempotent"/>): every page's items in nRF Cloud's order, or the first failure.
    /// </summary>
    private async Task<NrfCloudResult<IReadOnlyList<T>>> ListPagesAsync<T>(
        NrfCloudAccount account, string path, Func<JsonElement, T?> parseItem, CancellationToken cancellationToken)
        where T : class
    {
        var items = new List<T>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageNextToken = null;
        for (var page = 1; page <= MaxPages; page++)
        {
            var pagePath = $"{path}?pageLimit={PageLimit}"
                + (pageNextToken is null ? "" : "&pageNextToken=" + Uri.EscapeDataString(pageNextToken));
            using var request = NewRequest(HttpMethod.Get, account, pagePath);
            var result = await SendAsync(NrfCloudCalls.Idempotent, request, account, body => ParsePage(body, parseItem), "an items array", cancellationToken);
            if (!result.IsSuccess)
            {
                return NrfCloudResult<IReadOnlyList<T>>.Failed(result.Error);
            }

            items.AddRange(result.Value.Items);
            pageNextToken = result.Value.PageNextToken;
            if (pageNextToken is null)
            {
                return NrfCloudResult<IReadOnlyList<T>>.Success(items);
            }

            if (!tokens.Add(pageNextToken))
            {
                return NrfCloudResult<IReadOnlyList<T>>.Failed(new NrfCloudFailure(
                    $"nRF Cloud answered GET /{path} with a pageNextToken it had given before", null, OutcomeUnknown: false));
            }
        }

        return NrfCloudResult<IReadOnlyList<T>>.Failed(new NrfCloudFailure(
            $"nRF Cloud answered GET /{path} with more than {MaxPages} pages of {PageLimit}", null, OutcomeUnknown: false));
    }

    /// <summary><c>{"items":[…],"pageNextToken"?}</c>: each item through <paramref name="parseItem"/> (null skips it); null when not that shape.</summary>
    private static Page<T>? ParsePage<T>(string body, Func<JsonElement, T?> parseItem)
        where T : class
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parsed = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (parseItem(item) is { } value)
            {
                parsed.Add(value);
            }
        }

        return new Page<T>(parsed, NullIfEmpty(StringProperty(root, "pageNextToken")));
    }
}
