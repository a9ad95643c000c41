using System.Globalization;
using System.Text.RegularExpressions;

namespace MockNrfCloud.Abstractions.Parsing;

/// <summary>
/// What the mock does with a queued response besides sending it, written in the raw response as mock-only header lines.
/// Every header whose name starts with <see cref="Prefix"/> is a directive: it is checked when the response is queued and
/// never sent. <c>X-Mock-Delay: 3000ms</c> (or <c>3s</c>) answers only after that delay; <c>X-Mock-Drop: true</c> closes
/// the connection without an answer (after the delay, when both are given). The request is recorded before either.
/// </summary>
public sealed partial record ResponseDirectives(TimeSpan Delay, bool Drop)
{
    public const string Prefix = "X-Mock-";
    public const string DelayHeader = "X-Mock-Delay";
    public const string DropHeader = "X-Mock-Drop";

    /// <summary>The longest delay a response may ask for (as long as the longest server-side wait).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>Answer at once, as queued.</summary>
    public static ResponseDirectives None { get; } = new(TimeSpan.Zero, Drop: false);

    internal static bool IsDirective(string headerName) => headerName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The directives of a response from its directive header lines.</summary>
    /// <exception cref="RawHttpFormatException">A directive is unknown, repeated or has a bad value.</exception>
    internal static ResponseDirectives Parse(IEnumerable<(int LineNumber, KeyValuePair<string, string> Header)> directiveLines)
    {
        var directives = None;
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lineNumber, (name, value)) in directiveLines)
        {
            if (seen.TryGetValue(name, out var earlier))
            {
                throw new RawHttpFormatException(lineNumber, $"{name} is given twice (first on line {earlier}); give each mock directive once");
            }

            seen[name] = lineNumber;
            directives = name.ToUpperInvariant() switch
            {
                "X-MOCK-DELAY" => directives with { Delay = ParseDelay(lineNumber, value) },
                "X-MOCK-DROP" => directives with { Drop = ParseDrop(lineNumber, value) },
                _ => throw new RawHttpFormatException(
                    lineNumber,
                    $"'{name}' is not a mock directive (header names starting with '{Prefix}' are directives to the mock, never sent); "
                    + $"known: {DelayHeader} (e.g. '3000ms' or '3s'), {DropHeader} ('true' or 'false')"),
            };
        }

        return directives;
    }

    private static TimeSpan ParseDelay(int lineNumber, string value)
    {
        var match = DelayPattern().Match(value);
        if (!match.Success || !long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new RawHttpFormatException(lineNumber, $"{DelayHeader} '{value}' is not a delay; write a whole number of milliseconds or seconds, e.g. '3000ms' or '3s'");
        }

        var perUnit = match.Groups[2].Value.Equals("ms", StringComparison.OrdinalIgnoreCase) ? 1 : 1000;
        if (amount > MaxDelay.TotalMilliseconds / perUnit)
        {
            throw new RawHttpFormatException(lineNumber, $"{DelayHeader} '{value}' is longer than the longest delay, {MaxDelay.TotalSeconds} s");
        }

        return TimeSpan.FromMilliseconds(amount * perUnit);
    }

    private static bool ParseDrop(int lineNumber, string value) =>
        bool.TryParse(value, out var drop)
            ? drop
            : throw new RawHttpFormatException(lineNumber, $"{DropHeader} '{value}' is not 'true' or 'false'");

    [GeneratedRegex(@"^([0-9]{1,9}) ?(ms|s)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelayPattern();
}
