using Fota.Api.Fota;
using Fota.Api.Storage;
using Fota.Api.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.Api.Tests;

/// <summary>The job store's claims (leases) and the schema migrations, straight on the database.</summary>
public sealed class StorageTests(NoPollerApiFixture fixture) : IClassFixture<NoPollerApiFixture>
{
    private static readonly DateTimeOffset Now = new(2024, 6, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly FotaApiFactory _api = fixture.Api;

    private JobStore Jobs => _api.Services.GetRequiredService<JobStore>();

    private async Task<string> InsertDueJobAsync()
    {
        var jobId = $"storage-{Guid.NewGuid():N}";
        // Created (and due) far in the past, so only this test's claims at Now see it first.
        await Jobs.InsertAsync(
            new StoredJob(jobId, "oob-1", "test", "APP*1e29dfa3*v2.0.0", "QUEUED", null, "unknown", "2000-01-01T00:00:00.000Z", Now.AddYears(-30)),
            CancellationToken.None);
        return jobId;
    }

    private async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string owner, DateTimeOffset at) =>
        await Jobs.ClaimDueAsync(owner, at, at + TimeSpan.FromMinutes(1), 10_000, CancellationToken.None);

    [Fact]
    public async Task A_claimed_job_is_nobody_elses_until_its_lease_runs_out()
    {
        var jobId = await InsertDueJobAsync();

        (await ClaimAsync("one", Now)).Select(j => j.JobId).Should().Contain(jobId);
        (await ClaimAsync("two", Now.AddSeconds(59))).Select(j => j.JobId).Should().NotContain(jobId, "one's lease lasts a minute");
        (await ClaimAsync("two", Now.AddMinutes(1))).Select(j => j.JobId).Should().Contain(jobId, "an expired lease can be taken over");

        var outcome = new PollOutcome(jobId, new JobStatusUpdate("IN_PROGRESS", null, "v1", "2024-06-06T12:00:00.000Z", false), false, Now.AddHours(1), 1);
        (await Jobs.SavePollOutcomesAsync("one", [outcome], CancellationToken.None)).Should().Be(0, "one lost the job, so its late answer is dropped");
        (await Jobs.FindAsync(jobId, CancellationToken.None))!.Status.Should().Be("QUEUED");
        (await Jobs.SavePollOutcomesAsync("two", [outcome], CancellationToken.None)).Should().Be(1);
        (await Jobs.FindAsync(jobId, CancellationToken.None))!.Status.Should().Be("IN_PROGRESS");
        (await ClaimAsync("three", Now.AddMinutes(59))).Select(j => j.JobId).Should().NotContain(jobId, "the next poll is due in an hour");
        (await ClaimAsync("three", Now.AddHours(1))).Select(j => j.JobId).Should().Contain(jobId);
    }

    [Fact]
    public async Task A_final_job_is_never_claimed_again()
    {
        var jobId = await InsertDueJobAsync();
        await ClaimAsync("one", Now);
        var completed = new PollOutcome(jobId, new JobStatusUpdate("COMPLETED", null, "v1", "2024-06-06T12:00:00.000Z", true), false, Now, 1);
        await Jobs.SavePollOutcomesAsync("one", [completed], CancellationToken.None);

        (await ClaimAsync("two", Now.AddYears(1))).Select(j => j.JobId).Should().NotContain(jobId);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await _api.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={_api.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_version;";
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).Should().Be(SchemaMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.CommandText = "PRAGMA journal_mode;";
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).Should().Be("wal", "two instances can share the file");
    }
}
