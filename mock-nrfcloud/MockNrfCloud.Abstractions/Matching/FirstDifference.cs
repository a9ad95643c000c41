using System.Globalization;

namespace MockNrfCloud.Abstractions.Matching;

/// <summary>Names the first position where two texts differ, with a little of each side from there.</summary>
public static class FirstDifference
{
    private const int Context = 20;

    public static int IndexOf(string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var length = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < length; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }

        return expected.Length == actual.Length ? -1 : length;
    }

    /// <summary>E.g. <c>first difference at character 14: expected "autoApply":tr… but was "deviceIdentif…</c>.</summary>
    public static string Describe(string expected, string actual)
    {
        var index = IndexOf(expected, actual);
        return index < 0
            ? "no difference"
            : string.Create(CultureInfo.InvariantCulture, $"first difference at character {index + 1}: expected {Excerpt(expected, index)} but was {Excerpt(actual, index)}");
    }

    private static string Excerpt(string text, int index) =>
        index >= text.Length
            ? "the end"
            : "'" + (text.Length - index > Context ? text.Substring(index, Context) + "…" : text[index..]) + "'";
}
