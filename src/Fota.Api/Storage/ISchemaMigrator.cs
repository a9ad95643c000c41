namespace Fota.Api.Storage;

/// <summary>
/// Creates or upgrades the schema at start: ordered migrations, the applied version kept in <c>schema_version</c>.
/// Instances starting at once on one database migrate one after the other, so every migration runs once.
/// </summary>
public interface ISchemaMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
