using System.Text.Json.Nodes;
using Json.Schema;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The protocol's JSON Schemas from <c>../shared/contract</c> beside the repository (the folder holding Fota.sln).
/// When that folder is absent (a fresh clone), only the schema comparison is left out: the tests' behaviour
/// assertions still run, and <see cref="ContractSchemaTests"/> is reported skipped once, saying so.
/// </summary>
public static class Contract
{
    public const string ProblemDetail = "ProblemDetail.schema.json";
    public const string JobExecution = "FOTAJobExecution.schema.json";
    public const string JobExecutions = "FOTAJobExecutions.schema.json";
    public const string Bundles = "FOTABundles.schema.json";
    public const string DeviceIdentity = "DeviceIdentity.schema.json";
    public const string Shadow = "Shadow.schema.json";
    public const string UpgradePathJob = "FOTAJob.schema.json";
    public const string UpgradePathJobs = "FOTAJobs.schema.json";

    public const string MissingMessage =
        "../shared/contract (beside the folder holding Fota.sln) is absent, so responses are not compared with the protocol's JSON Schemas; every behaviour assertion still runs.";

    private static readonly Lazy<string?> Folder = new(FindContractFolder);

    public static bool IsAvailable => Folder.Value is not null;

    /// <summary>Asserts <paramref name="json"/> is valid against the schema; does nothing when ../shared is missing.</summary>
    public static void ShouldValidate(JsonNode? json, string schemaFile)
    {
        if (Folder.Value is null)
        {
            return;
        }

        var schema = Load(schemaFile);
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        result.IsValid.Should().BeTrue($"{json?.ToJsonString()} should be valid against {schemaFile}: {string.Join("; ", errors)}");
    }

    /// <summary>The schema; only when <see cref="IsAvailable"/>.</summary>
    public static JsonSchema Load(string schemaFile) =>
        JsonSchema.FromFile(Path.Combine(Folder.Value ?? throw new InvalidOperationException(MissingMessage), schemaFile));

    private static string? FindContractFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fota.sln")))
            {
                var contract = Path.Combine(dir.FullName, "..", "shared", "contract");
                return Directory.Exists(contract) ? Path.GetFullPath(contract) : null;
            }
        }

        return null;
    }
}
