using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.Support;

[Binding]
public sealed class WebSocketHooks
{
    /// <summary>Closes the scenario's WebSockets cleanly (the driver is also disposed with the scenario, as a safety net).</summary>
    [AfterScenario(Order = -100)]
    public static async Task CloseWebSockets(WebSocketDriver sockets)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        await sockets.DisposeAsync();
    }
}
