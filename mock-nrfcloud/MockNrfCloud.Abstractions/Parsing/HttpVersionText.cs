using System.Text.RegularExpressions;

namespace MockNrfCloud.Abstractions.Parsing;

internal static partial class HttpVersionText
{
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^HTTP/\d(\.\d)?$")]
    private static partial Regex Pattern();
}
