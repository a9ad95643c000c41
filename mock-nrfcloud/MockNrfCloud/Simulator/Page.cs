using System.Globalization;

namespace MockNrfCloud.Simulator;

/// <summary>One page of a listing and the token of the next (null on the last page).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? NextToken);

/// <summary>pageLimit / pageNextToken as nRF Cloud pages its listings. The token is an opaque offset into the listing,
/// which only grows at its end (oldest first), so pages stay consistent while jobs are created.</summary>
internal readonly record struct PageRequest(int Limit, int Offset)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <summary>The page request, or the 400 to answer for a bad pageLimit or pageNextToken.</summary>
    public static (PageRequest Page, SimulatedAnswer? Error) From(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var limitText = Value(query, "pageLimit");
        var limit = DefaultLimit;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (default, SimulatedAnswer.Error(400, 40000, $"pageLimit must be a whole number from 1 to {MaxLimit}"));
        }

        var token = Value(query, "pageNextToken");
        var offset = 0;
        if (token is not null && !TryParseToken(token, out offset))
        {
            return (default, SimulatedAnswer.Error(400, 40000, "pageNextToken is not a token this listing gave"));
        }

        return (new PageRequest(limit, offset), null);
    }

    public Page<T> Of<T>(IReadOnlyList<T> all)
    {
        var items = new List<T>(Math.Max(0, Math.Min(Limit, all.Count - Offset)));
        for (var i = Offset; i < all.Count && i < Offset + Limit; i++)
        {
            items.Add(all[i]);
        }

        var next = Offset + Limit < all.Count ? Token(Offset + Limit) : null;
        return new Page<T>(items, all.Count, next);
    }

    public static string? Value(IReadOnlyList<KeyValuePair<string, string>> query, string name)
    {
        foreach (var (key, value) in query)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static string Token(int offset) => Convert.ToBase64String(BitConverter.GetBytes(offset ^ 0x5A5A5A5A));

    private static bool TryParseToken(string token, out int offset)
    {
        offset = 0;
        var bytes = new byte[4];
        if (!Convert.TryFromBase64String(token, bytes, out var written) || written != 4)
        {
            return false;
        }

        offset = BitConverter.ToInt32(bytes) ^ 0x5A5A5A5A;
        return offset >= 0;
    }
}
