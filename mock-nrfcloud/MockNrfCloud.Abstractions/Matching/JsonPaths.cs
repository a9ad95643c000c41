using System.Text.RegularExpressions;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>Writes JSON paths the way failure messages show them: <c>$.jobs[0]["@context"]</c>.</summary>
public static partial class JsonPaths
{
    public static string Property(string parent, string name) =>
        Identifier().IsMatch(name) ? $"{parent}.{name}" : $"{parent}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
