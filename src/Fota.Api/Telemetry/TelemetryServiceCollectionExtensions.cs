using Fota.Api.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fota.Api.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry variable: OTLP export of traces, metrics and logs only when it is set.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Serves Prometheus' text format at <c>/metrics</c> when true.</summary>
    public const string PrometheusKey = "Telemetry:Prometheus:Enabled";

    /// <summary>
    /// Spans for the stores (<see cref="TracedStore"/>) always — they cost nothing while nobody listens — and the OpenTelemetry
    /// SDK only when something exports: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (every other <c>OTEL_*</c> variable
    /// applies as usual), the Prometheus scrape endpoint when <c>Telemetry:Prometheus:Enabled</c> is true. Nothing by default.
    /// Call it after every store is registered.
    /// </summary>
    public static IServiceCollection AddFotaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        TraceStores(services);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var prometheus = configuration.GetValue<bool>(PrometheusKey);
        if (!otlp && !prometheus)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("fota-api");
                }
            })
            .WithTracing(tracing => tracing.AddFotaInstrumentation())
            .WithMetrics(metrics =>
            {
                metrics.AddFotaInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The service's spans: its own (<see cref="FotaTelemetry.Source"/>), incoming requests and outgoing HTTP calls.</summary>
    public static TracerProviderBuilder AddFotaInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddSource(FotaTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();

    /// <summary>The service's metrics: its own (<see cref="FotaTelemetry.Meter"/>), ASP.NET Core's and HttpClient's.</summary>
    public static MeterProviderBuilder AddFotaInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(FotaTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();

    /// <summary>Maps <c>/metrics</c> when <c>Telemetry:Prometheus:Enabled</c> is true.</summary>
    public static WebApplication MapFotaTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(PrometheusKey))
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }

    /// <summary>Puts a <see cref="TracedStore"/> in front of every store interface of the service (<c>I…Store</c>).</summary>
    private static void TraceStores(IServiceCollection services)
    {
        var stores = services
            .Select((descriptor, index) => (descriptor, index))
            .Where(d => d.descriptor is { IsKeyedService: false, ServiceType: { IsInterface: true, Namespace: { } ns, Name: { } name } }
                && ns.StartsWith("Fota.Api", StringComparison.Ordinal) && name.EndsWith("Store", StringComparison.Ordinal))
            .ToList();
        foreach (var (store, index) in stores)
        {
            services[index] = ServiceDescriptor.Describe(
                store.ServiceType,
                sp => TracedStore.Wrap(store.ServiceType, Create(sp, store), DatabaseSystem(sp)),
                store.Lifetime);
        }
    }

    private static object Create(IServiceProvider services, ServiceDescriptor store) =>
        store.ImplementationInstance
        ?? store.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, store.ImplementationType!);

    private static string DatabaseSystem(IServiceProvider services) =>
        services.GetRequiredService<FotaDatabase>().Kind == DatabaseKind.Postgres ? "postgresql" : "sqlite";
}
