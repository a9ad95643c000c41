using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fota.Api.Tests.Support;

/// <summary>
/// A <see cref="FakeNrfCloud"/> served over HTTP on a free loopback port, for service instances running as real processes.
/// Every request goes to the fake, so its call log and its per-job concurrency count cover all instances (the count is
/// what the multi-instance and drain proofs assert, and the mock nRF Cloud does not keep one).
/// </summary>
/// <remarks>
/// Used by MultiInstanceProofTests (concurrent calls per job across service processes) and DrainOnStopTests (a create's
/// answer held until the test has stopped the process); TelemetryTests also uses it, for fixed answers only, and is not
/// moved to the mock yet (tests/README.md).
/// </remarks>
public sealed class NrfCloudServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NrfCloudServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<NrfCloudServer> StartAsync(FakeNrfCloud nrfCloud)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(nrfCloud, disposeHandler: false);
        app.Run(async context =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri($"https://nrfcloud.test{context.Request.Path}{context.Request.QueryString}"));
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            request.Content = new ByteArrayContent(body.ToArray());
            foreach (var (name, values) in context.Request.Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, [.. values]))
                {
                    request.Content.Headers.TryAddWithoutValidation(name, [.. values]);
                }
            }

            using var response = await invoker.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NrfCloudServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
