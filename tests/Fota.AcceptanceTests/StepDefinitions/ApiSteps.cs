using System.Text.Json;
using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Fota.AcceptanceTests.Support.Expressions;
using Fota.AcceptanceTests.Support.Matching;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

[Binding]
public sealed class ApiSteps(ApiDriver api, ScenarioVariables variables)
{
    /// <summary>Prepares a request with a JSON body; it is sent when an assertion first needs the response.</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)` with$")]
    public void PrepareWithBody(string method, string url, string jsonBody)
    {
        var body = variables.SubstituteJson(jsonBody);
        EnsureJson(body, "The request body");
        api.Prepare(method, variables.Substitute(url), body);
    }

    /// <summary>Prepares a request without a body.</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)`$")]
    public void Prepare(string method, string url) => api.Prepare(method, variables.Substitute(url));

    /// <summary>Prepares a request without a body that assertions may re-send up to N times.</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)` retrying (\d+) times$")]
    public void PrepareRetrying(string method, string url, int retrying) => api.Prepare(method, variables.Substitute(url), retrying: retrying);

    [StepDefinition(@"^((?:soon )?)the status code of the last response should be `(\d+)`$")]
    public Task StatusCode(string? soon, int expected) =>
        api.AssertAsync($"status code {expected}", !string.IsNullOrEmpty(soon), response =>
        {
            if (response.StatusCode != expected)
            {
                throw new AssertionFailedException($"Expected status code {expected} but was {response.StatusCode}.");
            }
        });

    /// <summary>The response body's @context equals the given URL.</summary>
    [StepDefinition(@"^((?:soon )?)I should receive a `([^`]+)` response$")]
    public Task ReceiveContext(string? soon, string context)
    {
        var expected = variables.Substitute(context);
        return api.AssertAsync($"a {expected} response", !string.IsNullOrEmpty(soon), response =>
        {
            var actual = response.Json?["@context"];
            if (actual is null || actual.GetValueKind() != JsonValueKind.String || actual.GetValue<string>() != expected)
            {
                throw new AssertionFailedException($"Expected a response with \"@context\": \"{expected}\" but \"@context\" was {JsonMatcher.Show(actual)}.");
            }
        });
    }

    /// <summary>Selects a part of the body with JSONata and matches it partially (SPEC 5.5).</summary>
    [StepDefinition(@"^((?:soon )?)`([^`]+)` of the last response should match$")]
    public Task SelectionMatches(string? soon, string selector, string expectedJson)
    {
        var expected = ParseExpected(expectedJson);
        var expression = variables.Substitute(selector);
        return api.AssertAsync($"`{expression}` should match", !string.IsNullOrEmpty(soon), response =>
            ThrowOnDifferences(JsonMatcher.Partial(expected, Select(response, expression)), $"`{expression}` of the last response"));
    }

    /// <summary>Matches the whole body partially (SPEC 5.5).</summary>
    [StepDefinition(@"^((?:soon )?)the last response should match$")]
    public Task ResponseMatches(string? soon, string expectedJson)
    {
        var expected = ParseExpected(expectedJson);
        return api.AssertAsync("the last response should match", !string.IsNullOrEmpty(soon), response =>
            ThrowOnDifferences(JsonMatcher.Partial(expected, response.Json), "The last response"));
    }

    /// <summary>The selected value, as text, contains the given text.</summary>
    [StepDefinition(@"^((?:soon )?)`([^`]+)` of the last response should contain `([^`]*)`$")]
    public Task SelectionContains(string? soon, string selector, string text)
    {
        var expression = variables.Substitute(selector);
        var expected = variables.Substitute(text);
        return api.AssertAsync($"`{expression}` should contain `{expected}`", !string.IsNullOrEmpty(soon), response =>
        {
            var actual = Placeholders.AsText(Select(response, expression));
            if (!actual.Contains(expected, StringComparison.Ordinal))
            {
                throw new AssertionFailedException($"Expected `{expression}` of the last response to contain \"{expected}\" but it was \"{actual}\".");
            }
        });
    }

    /// <summary>Stores a JSONata selection of the last response body.</summary>
    [StepDefinition(@"^I store `([^`]+)` of the last response into `([^`]+)`$")]
    public async Task StoreSelection(string selector, string name)
    {
        var expression = variables.Substitute(selector);
        var response = await api.GetLastResponseAsync();
        variables.Set(name, Select(response, expression)?.DeepClone());
    }

    private static JsonNode? Select(ApiResponse response, string expression)
    {
        var result = StepExpressions.Evaluate(expression, response.Json);
        return result.IsUndefined
            ? throw new AssertionFailedException($"`{expression}` selects nothing in the last response.")
            : result.Value;
    }

    private JsonNode? ParseExpected(string docString)
    {
        var json = variables.SubstituteJson(docString);
        EnsureJson(json, "The expected JSON");
        return JsonNode.Parse(json);
    }

    private static void EnsureJson(string json, string what)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what} is not valid JSON after substitution ({e.Message}):{Environment.NewLine}{json}", e);
        }
    }

    private static void ThrowOnDifferences(IReadOnlyList<string> differences, string what)
    {
        if (differences.Count > 0)
        {
            throw new AssertionFailedException($"{what} does not match:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", differences));
        }
    }
}
