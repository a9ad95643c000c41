using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
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
        ResponseAssertions.ParseJson(body, "The request body");
        api.Prepare(method, variables.Substitute(url), body);
    }

    /// <summary>Prepares a request whose body is sent as written, with the given Content-Type (e.g. malformed JSON, plain text).</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)` with a `([^`]+)` body$")]
    public void PrepareWithRawBody(string method, string url, string contentType, string body) =>
        api.Prepare(method, variables.Substitute(url), variables.Substitute(body), contentType: contentType);

    /// <summary>Prepares a request without a body.</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)`$")]
    public void Prepare(string method, string url) => api.Prepare(method, variables.Substitute(url));

    /// <summary>Prepares a request without a body that assertions may re-send up to N times.</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)` retrying (\d+) times$")]
    public void PrepareRetrying(string method, string url, int retrying) => api.Prepare(method, variables.Substitute(url), retrying: retrying);

    /// <summary>Prepares a request with a JSON body that assertions may re-send up to N times (e.g. a schedule refused with 409 for a while).</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)` retrying (\d+) times with$")]
    public void PrepareRetryingWithBody(string method, string url, int retrying, string jsonBody)
    {
        var body = variables.SubstituteJson(jsonBody);
        ResponseAssertions.ParseJson(body, "The request body");
        api.Prepare(method, variables.Substitute(url), body, retrying: retrying);
    }

    /// <summary>Sends a request without a body N times, one after another; the last answer is the last response.</summary>
    [StepDefinition(@"^I `([A-Z]+)` `([^`]+)` (\d+) times$")]
    public Task SendTimes(string method, string url, int times) => api.SendTimesAsync(method, variables.Substitute(url), times);

    /// <summary>Adds a header to the prepared request (before it is sent).</summary>
    [StepDefinition(@"^the request has the header `([^`]+)`$")]
    public void AddHeader(string header) => api.AddHeader(variables.Substitute(header));

    /// <summary>Sends the prepared request at once without waiting for its answer.</summary>
    [StepDefinition(@"^I send the request without waiting for its answer as `([^`]+)`$")]
    public void SendWithoutWaiting(string name) => api.SendWithoutWaiting(name);

    /// <summary>Waits for the answer of a request sent without waiting; it becomes the last response.</summary>
    [StepDefinition(@"^the answer to `([^`]+)` has arrived$")]
    public Task AnswerArrived(string name) => api.AwaitInFlightAsync(name);

    [StepDefinition(@"^((?:soon )?)the status code of the last response should be `(\d+)`$")]
    public Task StatusCode(string? soon, int expected) =>
        api.AssertAsync($"status code {expected}", Soon(soon), response => ResponseAssertions.StatusCode(response, expected));

    /// <summary>The response body's @context equals the given URL.</summary>
    [StepDefinition(@"^((?:soon )?)I should receive a `([^`]+)` response$")]
    public Task ReceiveContext(string? soon, string context)
    {
        var expected = variables.Substitute(context);
        return api.AssertAsync($"a {expected} response", Soon(soon), response => ResponseAssertions.Context(response, expected));
    }

    /// <summary>Selects a part of the body with JSONata and matches it partially (SPEC 5.5).</summary>
    [StepDefinition(@"^((?:soon )?)`([^`]+)` of the last response should match$")]
    public Task SelectionMatches(string? soon, string selector, string expectedJson)
    {
        var expected = ResponseAssertions.ParseJson(variables.SubstituteJson(expectedJson), "The expected JSON");
        var expression = variables.Substitute(selector);
        return api.AssertAsync($"`{expression}` should match", Soon(soon), response =>
            ResponseAssertions.Matches(expected, ResponseAssertions.Select(response, expression), $"`{expression}` of the last response"));
    }

    /// <summary>Matches the whole body partially (SPEC 5.5).</summary>
    [StepDefinition(@"^((?:soon )?)the last response should match$")]
    public Task ResponseMatches(string? soon, string expectedJson)
    {
        var expected = ResponseAssertions.ParseJson(variables.SubstituteJson(expectedJson), "The expected JSON");
        return api.AssertAsync("the last response should match", Soon(soon), response => ResponseAssertions.Matches(expected, response.Json, "The last response"));
    }

    /// <summary>The selected value, as text, contains (or does not contain) the given text.</summary>
    [StepDefinition(@"^((?:soon )?)`([^`]+)` of the last response should (contain|not contain) `([^`]*)`$")]
    public Task SelectionContains(string? soon, string selector, string contains, string text)
    {
        var expression = variables.Substitute(selector);
        var expected = variables.Substitute(text);
        return api.AssertAsync($"`{expression}` should {contains} `{expected}`", Soon(soon), response =>
            ResponseAssertions.Contains(response, expression, expected, contains == "contain"));
    }

    /// <summary>The whole body, as text, does not contain the text (e.g. a secret).</summary>
    [StepDefinition(@"^the last response should not contain `([^`]+)`$")]
    public Task BodyDoesNotContain(string text)
    {
        var expected = variables.Substitute(text);
        return api.AssertAsync($"the last response should not contain `{expected}`", soon: false, response => ResponseAssertions.BodyDoesNotContain(response, expected));
    }

    /// <summary>A response header equals the value.</summary>
    [StepDefinition(@"^((?:soon )?)the `([^`]+)` header of the last response should (be|contain) `([^`]*)`$")]
    public Task HeaderIs(string? soon, string name, string comparison, string value)
    {
        var expected = variables.Substitute(value);
        return api.AssertAsync($"header {name} should {comparison} `{expected}`", Soon(soon), response =>
            ResponseAssertions.Header(response, name, expected, exactly: comparison == "be"));
    }

    /// <summary>The response has (or does not have) the header.</summary>
    [StepDefinition(@"^((?:soon )?)the response should (have|not have) the header `([^`]+)`$")]
    public Task HasHeader(string? soon, string has, string name) =>
        api.AssertAsync($"the response should {has} the header {name}", Soon(soon), response => ResponseAssertions.HasHeader(response, name, present: has == "have"));

    /// <summary>Stores a JSONata selection of the last response body.</summary>
    [StepDefinition(@"^I store `([^`]+)` of the last response into `([^`]+)`$")]
    public async Task StoreSelection(string selector, string name)
    {
        var expression = variables.Substitute(selector);
        var response = await api.GetLastResponseAsync();
        variables.Set(name, ResponseAssertions.Select(response, expression)?.DeepClone());
    }

    private static bool Soon(string? soon) => !string.IsNullOrEmpty(soon);
}
