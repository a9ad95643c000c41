using Fota.FeatureRunner.Parsing;

namespace Fota.FeatureRunner;

/// <summary>A feature file as the generator compiled it: its path, default language and text, and the paths of the features it needs.</summary>
public sealed class FeatureDefinition(string path, string language, string source, IReadOnlyList<string>? needs = null)
{
    private readonly Lazy<ParsedFeature> _parsed = new(() => Parse(path, language, source));

    /// <summary>The path relative to the project's feature root, e.g. <c>features/DeviceFota.feature</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The language of the file when it has no <c># language:</c> line (reqnroll.json's <c>language.feature</c>).</summary>
    public string Language { get; } = language;

    /// <summary>
    /// The paths (like <see cref="Path"/>) of the features named by the front matter's <c>needs</c> titles, in that
    /// order, as the generator resolved them (the nearest feature with the title).
    /// </summary>
    public IReadOnlyList<string> Needs { get; } = needs ?? Array.Empty<string>();

    internal ParsedFeature Parsed => _parsed.Value;

    public override string ToString() => Path;

    private static ParsedFeature Parse(string path, string language, string source)
    {
        var result = ParsedFeature.Parse(source, path, language);
        return result.Feature ?? throw new FeatureParseException(
            $"Feature file {path} does not parse:{Environment.NewLine}"
            + string.Join(Environment.NewLine, result.Problems.Select(problem => $"{path}({problem.Line},{problem.Column}): {problem.Message}")));
    }
}
