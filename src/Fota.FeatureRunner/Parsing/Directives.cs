using System.Text.RegularExpressions;

namespace Fota.FeatureRunner.Parsing;

/// <summary>
/// Tags written in BDD-Markdown comments, <c>&lt;!-- @retry:tries=3,initialDelay=500 @fota --&gt;</c>: a tag with
/// properties (<c>@retry:…</c>) is a directive for the steps, one without (<c>@fota</c>) is a Gherkin tag.
/// A property without a value (<c>@retry:fast</c>) is <c>true</c>.
/// </summary>
internal static class Directives
{
    private static readonly Regex Tag = new(@"(?<!\S)@(?<name>[^\s@:,.]+)(?::(?<props>[^\s@]+))?", RegexOptions.CultureInvariant);

    public static IEnumerable<(string Name, IReadOnlyDictionary<string, string>? Properties)> Parse(string comment)
    {
        foreach (Match match in Tag.Matches(comment))
        {
            var props = match.Groups["props"];
            yield return (match.Groups["name"].Value, props.Success ? Properties(props.Value) : null);
        }
    }

    /// <summary>
    /// <paramref name="outer"/> with the properties of <paramref name="inner"/> taking their place, directive by
    /// directive (feature → scenario → step: the nearer one wins, property by property).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Merge(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> outer,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> inner)
    {
        if (inner.Count == 0)
        {
            return outer;
        }

        var merged = outer.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var directive in inner)
        {
            var properties = merged.TryGetValue(directive.Key, out var existing)
                ? existing.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in directive.Value)
            {
                properties[property.Key] = property.Value;
            }

            merged[directive.Key] = properties;
        }

        return merged;
    }

    private static Dictionary<string, string> Properties(string text)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                properties[part] = "true";
            }
            else
            {
                properties[part.Substring(0, equals)] = part.Substring(equals + 1);
            }
        }

        return properties;
    }
}
