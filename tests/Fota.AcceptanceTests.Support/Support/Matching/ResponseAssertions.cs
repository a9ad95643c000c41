using System.Text.Json;
using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Drivers;
using Fota.AcceptanceTests.Support.Expressions;
using MockNrfCloud.Abstractions.Matching;

namespace Fota.AcceptanceTests.Support.Matching;

/// <summary>The checks of the response steps. Each throws <see cref="StepFailedException"/> saying what was expected and what was seen.</summary>
public static class ResponseAssertions
{
    public static void StatusCode(ApiResponse response, int expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            throw new StepFailedException($"Expected status code {expected} but was {response.StatusCode}.");
        }
    }

    /// <summary>The body's <c>@context</c> equals <paramref name="expected"/>.</summary>
    public static void Context(ApiResponse response, string expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var actual = response.Json?["@context"];
        if (actual is null || actual.GetValueKind() != JsonValueKind.String || actual.GetValue<string>() != expected)
        {
            throw new StepFailedException($"Expected a response with \"@context\": \"{expected}\" but \"@context\" was {JsonMatcher.Show(actual)}.");
        }
    }

    /// <summary>SPEC 5.5: <paramref name="actual"/> matches <paramref name="expected"/> partially.</summary>
    public static void Matches(JsonNode? expected, JsonNode? actual, string what)
    {
        var differences = JsonMatcher.Partial(expected, actual);
        if (differences.Count > 0)
        {
            throw new StepFailedException($"{what} does not match:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", differences));
        }
    }

    /// <summary>The JSONata selection of the body, as text, contains (or does not contain) <paramref name="text"/>.</summary>
    public static void Contains(ApiResponse response, string expression, string text, bool contains)
    {
        var actual = Placeholders.AsText(Select(response, expression));
        if (actual.Contains(text, StringComparison.Ordinal) != contains)
        {
            throw new StepFailedException($"Expected `{expression}` of the last response {(contains ? "to contain" : "not to contain")} \"{text}\" but it was \"{actual}\".");
        }
    }

    /// <summary>The whole body, as text, does not contain <paramref name="text"/>.</summary>
    public static void BodyDoesNotContain(ApiResponse response, string text)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body.Contains(text, StringComparison.Ordinal))
        {
            throw new StepFailedException($"Expected the last response not to contain \"{text}\" but it did.");
        }
    }

    /// <summary>The header is present (<paramref name="present"/>) or absent.</summary>
    public static void HasHeader(ApiResponse response, string name, bool present)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = response.Header(name);
        if (present && value is null)
        {
            throw new StepFailedException($"Expected the header `{name}` but the response has none. Its headers: {ShowHeaders(response)}");
        }

        if (!present && value is not null)
        {
            throw new StepFailedException($"Expected no header `{name}` but the response has `{name}: {value}`.");
        }
    }

    /// <summary>The header's value equals (or, with <paramref name="exactly"/> false, contains) <paramref name="expected"/>.</summary>
    public static void Header(ApiResponse response, string name, string expected, bool exactly)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = response.Header(name);
        var ok = value is not null && (exactly ? value == expected : value.Contains(expected, StringComparison.OrdinalIgnoreCase));
        if (!ok)
        {
            throw new StepFailedException(
                $"Expected the `{name}` header {(exactly ? "to be" : "to contain")} `{expected}` but it was {(value is null ? "missing" : $"`{value}`")}. Its headers: {ShowHeaders(response)}");
        }
    }

    /// <summary>The JSONata selection of the body; fails when it selects nothing.</summary>
    public static JsonNode? Select(ApiResponse response, string expression)
    {
        ArgumentNullException.ThrowIfNull(response);
        var result = StepExpressions.Evaluate(expression, response.Json);
        return result.IsUndefined
            ? throw new StepFailedException($"`{expression}` selects nothing in the last response.")
            : result.Value;
    }

    /// <summary>Parses JSON written in a step; fails naming <paramref name="what"/> when it is not JSON.</summary>
    public static JsonNode? ParseJson(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what} is not valid JSON after substitution ({e.Message}):{Environment.NewLine}{json}", e);
        }
    }

    private static string ShowHeaders(ApiResponse response) =>
        string.Join("; ", response.Headers.Select(h => $"{h.Key}: {h.Value}"));
}
