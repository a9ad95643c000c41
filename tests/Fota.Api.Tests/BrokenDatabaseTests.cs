using System.Net;
using Fota.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Fota.Api.Tests;

/// <summary>When the database breaks underneath the service: a problem document without internals, and not ready.</summary>
public sealed class BrokenDatabaseTests
{
    private static async Task ExecuteAsync(FotaApiFactory api, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={api.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
        var device = await api.RegisterDeviceAsync();
        await ExecuteAsync(api, "DROP TABLE devices;");
        using var client = api.CreateClient();

        var response = await client.GetAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem["type"]!.GetValue<string>().Should().Be("https://hello.nrfcloud.com/errors/InternalError");
        problem.ToJsonString().Should().NotContainAny(["SQLite", "devices", "Fota.Api."], "internals stay in the log");
        api.Logs.Lines.Should().Contain(l => l.Contains("no such table: devices", StringComparison.Ordinal), "the cause is logged");
    }

    [Fact]
    public async Task Without_a_working_database_the_service_is_live_but_not_ready()
    {
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" });
        using var client = api.CreateClient();
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        await ExecuteAsync(api, "DROP TABLE schema_version;");

        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
