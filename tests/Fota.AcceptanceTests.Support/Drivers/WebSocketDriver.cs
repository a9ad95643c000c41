using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Abstractions.Matching;
using Reqnroll;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>
/// The scenario's WebSockets to the service's notification endpoint, by name (the unnamed one is "the websocket").
/// Looks for received messages with the suite's matcher and retry settings; a matched message is consumed. The
/// connections live in <see cref="ScenarioWebSockets"/> (a story's scenarios share them), closed by <c>WebSocketHooks</c>.
/// </summary>
public sealed class WebSocketDriver(IFotaHost host, IReqnrollOutputHelper output, ScenarioClient client, ScenarioWebSockets connections, StepRetry? retry = null)
{
    public const string DefaultName = "";

    private readonly Dictionary<string, ReceivingWebSocket> _sockets = connections.ByName;

    /// <summary>
    /// How long an upgrade may take: a request's timeout (the API client's 30 s), not the "soon" budget — a scenario run with
    /// a short budget (the suite's self-checks: 1 s) must not see a slow upgrade on a loaded box as a refusal (499).
    /// </summary>
    private static readonly TimeSpan UpgradeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opens the connection <paramref name="name"/>; with <paramref name="reconnect"/> a connection of that name is closed first.</summary>
    public async Task ConnectAsync(string name, string fingerprint, bool reconnect)
    {
        if (_sockets.Remove(name, out var existing))
        {
            if (!reconnect)
            {
                _sockets[name] = existing;
                throw new InvalidOperationException($"{Describe(name)} is already connected; write \"I reconnect …\" to open it again.");
            }

            await existing.DisposeAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(UpgradeTimeout);
        var socket = await host.ConnectWebSocketAsync(fingerprint, client.Address, timeout.Token).ConfigureAwait(false);
        _sockets[name] = new ReceivingWebSocket(socket, $"{Describe(name)} ({host.WebSocketUrl})");
        output.WriteLine($"{(reconnect ? "reconnected" : "connected")} {Describe(name)} to {host.WebSocketUrl}");
    }

    /// <summary>The service must refuse the upgrade (with <paramref name="origin"/> as a browser's <c>Origin</c>) with <paramref name="expectedStatus"/>.</summary>
    public async Task AssertRefusedAsync(string fingerprint, int expectedStatus, string? origin = null)
    {
        using var timeout = new CancellationTokenSource(UpgradeTimeout);
        try
        {
            var socket = await host.ConnectWebSocketAsync(fingerprint, client.Address, timeout.Token, origin).ConfigureAwait(false);
            await new ReceivingWebSocket(socket, "refused websocket").DisposeAsync().ConfigureAwait(false);
        }
        catch (WebSocketRefusedException refused)
        {
            if (refused.StatusCode != expectedStatus)
            {
                throw new StepFailedException($"Expected the WebSocket upgrade to be refused with {expectedStatus} but it was refused with {refused.StatusCode}: {refused.Message}");
            }

            return;
        }

        throw new StepFailedException($"Expected the WebSocket upgrade to be refused with {expectedStatus} but the service accepted it.");
    }

    /// <summary>
    /// Some unconsumed message matches (partially, SPEC 5.5) or equals <paramref name="expected"/>; it is consumed. With
    /// <paramref name="soon"/> or <paramref name="retries"/> it waits for more messages as the retry settings allow; a new
    /// message ends a wait early.
    /// </summary>
    public async Task AssertReceivedAsync(string name, JsonNode? expected, bool exact, bool soon, int? retries)
    {
        var socket = Get(name);
        var seen = 0;
        var retrier = new Retrier(retry?.For(host.Retry) ?? host.Retry, output.WriteLine, delay: (wait, token) => socket.WaitForMoreThanAsync(seen, wait, token));
        var what = $"a message on {Describe(name)} that {(exact ? "is equal to" : "matches")} {JsonMatcher.Show(expected)}";
        await retrier.RunAsync(what, new RetryPlan(retries, soon), (_, _) =>
        {
            seen = socket.Messages.Count;
            var found = socket.Consume(message => Differences(expected, message.Json, exact).Count == 0);
            if (found is null)
            {
                throw new StepFailedException(ExplainNoMatch(socket, expected, exact));
            }

            output.WriteLine($"{Describe(name)}: message {found.Number} {(exact ? "is equal" : "matches")}");
            return Task.CompletedTask;
        }).ConfigureAwait(false);
    }

    /// <summary>Every message received on <paramref name="name"/> so far was matched by a step.</summary>
    public void AssertNoOtherMessages(string name)
    {
        var socket = Get(name);
        if (socket.Messages.Any(m => !m.Consumed))
        {
            throw new StepFailedException($"Expected no other messages on {Describe(name)}, but some were not matched by any step.{Environment.NewLine}{socket.Describe()}");
        }
    }

    private ReceivingWebSocket Get(string name) =>
        _sockets.TryGetValue(name, out var socket)
            ? socket
            : throw new InvalidOperationException($"{Describe(name)} is not connected in this scenario (or, in a story, an earlier one); connect it first (\"I connect to the websocket using fingerprint …\").");

    private static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, bool exact) =>
        exact ? JsonMatcher.Exact(expected, actual) : JsonMatcher.PartialAnyOrder(expected, actual); // SPEC 5.5's WebSocket array rule

    private static string ExplainNoMatch(ReceivingWebSocket socket, JsonNode? expected, bool exact)
    {
        var text = $"No message {(exact ? "is equal to" : "matches")} {JsonMatcher.Show(expected)}.{Environment.NewLine}{socket.Describe()}";
        var unmatched = socket.Messages.Where(m => !m.Consumed).ToList();
        if (unmatched.Count > 0)
        {
            var last = unmatched[^1];
            text += $"{Environment.NewLine}Differences to message {last.Number}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", Differences(expected, last.Json, exact));
        }

        return text;
    }

    private static string Describe(string name) => name.Length == 0 ? "the websocket" : $"the websocket `{name}`";
}
