namespace Fota.AcceptanceTests.Support.Hosting;

/// <summary>
/// Sends each request to the service instance that runs now: an <see cref="OwnInstancesHost"/>'s one API client stays
/// valid across restarts, as a client of a deployed service keeps its URL.
/// </summary>
internal sealed class InstanceSwitchingHandler(HttpMessageHandler first) : HttpMessageHandler
{
    private HttpMessageInvoker _current = new(first, disposeHandler: false);

    public void SwitchTo(HttpMessageHandler next) => Volatile.Write(ref _current, new HttpMessageInvoker(next, disposeHandler: false));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Volatile.Read(ref _current).SendAsync(request, cancellationToken);
}
