using System.Text.Json;
using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

/// <summary>SPEC 5.3: the notification WebSocket. The unnamed connection is "the websocket"; others are named with <c>as `name`</c>.</summary>
[Binding]
public sealed class WebSocketSteps(WebSocketDriver sockets, ScenarioVariables variables)
{
    [StepDefinition(@"^I ((?:re)?)connect to the websocket using fingerprint `([^`]+)`$")]
    public Task Connect(string re, string fingerprint) =>
        sockets.ConnectAsync(WebSocketDriver.DefaultName, variables.Substitute(fingerprint), reconnect: re.Length > 0);

    [StepDefinition(@"^I ((?:re)?)connect to the websocket using fingerprint `([^`]+)` as `([^`]+)`$")]
    public Task ConnectNamed(string re, string fingerprint, string name) =>
        sockets.ConnectAsync(variables.Substitute(name), variables.Substitute(fingerprint), reconnect: re.Length > 0);

    [StepDefinition(@"^connecting to the websocket using fingerprint `([^`]+)` should be refused with status `(\d+)`$")]
    public Task Refused(string fingerprint, int status) => sockets.AssertRefusedAsync(variables.Substitute(fingerprint), status);

    /// <summary>A browser's upgrade: the same with an <c>Origin</c> header.</summary>
    [StepDefinition(@"^connecting to the websocket using fingerprint `([^`]+)` from the origin `([^`]+)` should be refused with status `(\d+)`$")]
    public Task RefusedFromOrigin(string fingerprint, string origin, int status) =>
        sockets.AssertRefusedAsync(variables.Substitute(fingerprint), status, variables.Substitute(origin));

    [StepDefinition(@"^((?:soon )?)I should receive a message on the websocket that (matches|is equal to)((?: after \d+ retries?)?)$")]
    public Task Receive(string soon, string how, string retries, string expectedJson) =>
        ReceiveOn(soon, WebSocketDriver.DefaultName, how, retries, expectedJson);

    [StepDefinition(@"^((?:soon )?)I should receive a message on the websocket `([^`]+)` that (matches|is equal to)((?: after \d+ retries?)?)$")]
    public Task ReceiveNamed(string soon, string name, string how, string retries, string expectedJson) =>
        ReceiveOn(soon, variables.Substitute(name), how, retries, expectedJson);

    [StepDefinition(@"^I should have received no other messages on the websocket$")]
    public void NoOtherMessages() => sockets.AssertNoOtherMessages(WebSocketDriver.DefaultName);

    [StepDefinition(@"^I should have received no other messages on the websocket `([^`]+)`$")]
    public void NoOtherMessagesNamed(string name) => sockets.AssertNoOtherMessages(variables.Substitute(name));

    private Task ReceiveOn(string soon, string name, string how, string retries, string expectedJson)
    {
        var json = variables.SubstituteJson(expectedJson);
        JsonNode? expected;
        try
        {
            expected = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The expected message is not valid JSON after substitution ({e.Message}):{Environment.NewLine}{json}", e);
        }

        int? retryCount = retries.Length == 0 ? null : int.Parse(retries.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return sockets.AssertReceivedAsync(name, expected, exact: how == "is equal to", soon: soon.Length > 0, retryCount);
    }
}
