using Fota.AcceptanceTests.Drivers;
using Fota.FeatureRunner;

namespace Fota.AcceptanceTests.Contexts;

/// <summary>
/// The scenario's open WebSockets, by name. In a story (a BDD-Markdown feature) its scenarios share them, as the dialect's
/// runner keeps a connection open for the whole feature: upstream's "Receive a notification" listens on the WebSocket
/// an earlier scenario connected. Closed when the scenario ends, or the story (<c>Support/WebSocketHooks.cs</c>).
/// </summary>
[SharedInStory]
public sealed class ScenarioWebSockets
{
    public Dictionary<string, ReceivingWebSocket> ByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Closes every connection (a close handshake each) and forgets them.</summary>
    public async Task CloseAllAsync()
    {
        foreach (var socket in ByName.Values)
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }

        ByName.Clear();
    }
}
