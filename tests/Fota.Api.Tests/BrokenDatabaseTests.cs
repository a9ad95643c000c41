using System.Net;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;

namespace Fota.Api.Tests;

/// <summary>When the database breaks underneath the service: a problem document without internals, and not ready. On every database kind.</summary>
public abstract class BrokenDatabaseTests(DatabaseKind kind)
{
    private static Task ExecuteAsync(FotaApiFactory api, string sql) => api.Database.ExecuteAsync(sql);


    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals()
    {
        using var database = TestDatabase.Create(kind);
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" }, database: database);
        var device = await api.RegisterDeviceAsync();
        await ExecuteAsync(api, "DROP TABLE devices;");
        using var client = api.CreateClient();

        var response = await client.GetAsync(DeviceApi.JobsPath(device), TestContext.Current.CancellationToken);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem["type"]!.GetValue<string>().Should().Be("https://hello.nrfcloud.com/errors/InternalError");
        problem.ToJsonString().Should().NotContainAny(["SQLite", "Npgsql", "devices", "Fota.Api."], "internals stay in the log");
        var cause = kind == DatabaseKind.Postgres ? "relation \"devices\" does not exist" : "no such table: devices";
        api.Logs.Lines.Should().Contain(l => l.Contains(cause, StringComparison.Ordinal), "the cause is logged");
    }

    [Fact]
    public async Task Without_a_working_database_the_service_is_live_but_not_ready()
    {
        using var database = TestDatabase.Create(kind);
        using var api = new FotaApiFactory(settings: new Dictionary<string, string?> { ["Fota:Poller:Enabled"] = "false" }, database: database);
        using var client = api.CreateClient();
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        await ExecuteAsync(api, "DROP TABLE schema_version;");

        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class SqliteBrokenDatabaseTests() : BrokenDatabaseTests(DatabaseKind.Sqlite);

public sealed class PostgresBrokenDatabaseTests() : BrokenDatabaseTests(DatabaseKind.Postgres);
