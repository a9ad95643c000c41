using Microsoft.Extensions.Configuration.EnvironmentVariables;
using MockNrfCloud.Hosting;

namespace MockNrfCloud;

// A named entry point (not top-level statements): projects that reference both this mock and the service would
// otherwise see two global "Program" classes.
public static class MockNrfCloudProgram
{
    public static void Main(string[] args) => CreateHost(args).Run();

    /// <summary>The standalone host: configuration (command line, environment, appsettings), one-line console log,
    /// validated <see cref="MockOptions"/>, and the mock server as a hosted service.</summary>
    public static IHost CreateHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // Like an ASP.NET Core app: ASPNETCORE_URLS is read, with the lowest precedence (--urls wins).
        builder.Configuration.Sources.Insert(0, new EnvironmentVariablesConfigurationSource { Prefix = "ASPNETCORE_" });
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddOptions<MockOptions>().BindConfiguration(MockOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StandaloneMockHost>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StandaloneMockHost>());
        return builder.Build();
    }
}
