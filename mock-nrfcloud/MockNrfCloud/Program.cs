using Microsoft.Extensions.Configuration.EnvironmentVariables;
using MockNrfCloud.Hosting;

namespace MockNrfCloud;

// A named entry point (not top-level statements): projects that reference both this mock and the service would
// otherwise see two global "Program" classes.
public static class MockNrfCloudProgram
{
    public static void Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // Like an ASP.NET Core app: ASPNETCORE_URLS is read, with the lowest precedence (--urls wins).
        builder.Configuration.Sources.Insert(0, new EnvironmentVariablesConfigurationSource { Prefix = "ASPNETCORE_" });
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddOptions<MockOptions>().BindConfiguration(MockOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<StandaloneMockHost>();
        builder.Build().Run();
    }
}
