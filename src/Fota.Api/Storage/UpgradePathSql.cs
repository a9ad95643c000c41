namespace Fota.Api.Storage;

/// <summary>The <c>upgrade_path_jobs</c> schema and the statements other stores run against it.</summary>
public static class UpgradePathSql
{
    /// <summary>
    /// Migration 5: upgrade-path jobs. One non-final job per device and target (the 409 of SPEC §2.10) is the unique index
    /// <c>ux_upgrade_path_jobs_open</c>; the flow claims due rows through <c>ix_upgrade_path_jobs_due</c>.
    /// </summary>
    public static string Migration(SchemaTypes types) => $"""
        CREATE TABLE upgrade_path_jobs (
            seq                 {types.Identity},
            job_id              TEXT NOT NULL UNIQUE,
            device_id           TEXT NOT NULL,
            account             TEXT NOT NULL,
            target              TEXT NOT NULL,
            upgrade_path        TEXT NOT NULL,
            status              TEXT NOT NULL,
            status_detail       TEXT NOT NULL,
            reported_version    TEXT NOT NULL,
            changed_at          TEXT NOT NULL,
            created_at_ms       {types.BigInt} NOT NULL,
            is_final            {types.Boolean},
            step                TEXT NOT NULL,
            step_bundle_id      TEXT NULL,
            intent_id           TEXT NULL,
            nrf_job_id          TEXT NULL,
            started_from        TEXT NOT NULL,
            report_deadline_ms  {types.BigInt} NULL,
            cancel_state        TEXT NOT NULL,
            cancel_attempts     INTEGER NOT NULL DEFAULT 0,
            next_run_at_ms      {types.BigInt} NOT NULL,
            claimed_by          TEXT NULL,
            claimed_until_ms    {types.BigInt} NULL
        );
        CREATE UNIQUE INDEX ux_upgrade_path_jobs_open ON upgrade_path_jobs (device_id, target) WHERE NOT is_final;
        CREATE INDEX ix_upgrade_path_jobs_device ON upgrade_path_jobs (device_id, created_at_ms DESC, seq DESC);
        CREATE INDEX ix_upgrade_path_jobs_due ON upgrade_path_jobs (next_run_at_ms);
        CREATE INDEX ix_upgrade_path_jobs_intent ON upgrade_path_jobs (intent_id);
        """;

    /// <summary>
    /// Run in the transaction that stores a v1 job made for an intent (confirm or reconciliation's adoption): the step that
    /// recorded the intent learns its nRF Cloud job, and a cancelled job owing nRF Cloud a cancel becomes due for it.
    /// </summary>
    public const string LinkStepJob = """
        UPDATE upgrade_path_jobs SET nrf_job_id = @jobId, next_run_at_ms = 0 WHERE intent_id = @intentId;
        """;
}
