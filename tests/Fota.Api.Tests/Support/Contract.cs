using System.Text.Json.Nodes;
using Json.Schema;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The protocol's JSON Schemas from <c>../shared/contract</c> beside the repository (the folder holding Fota.sln).
/// Tests that need them skip with a clear message when that folder is absent.
/// </summary>
public static class Contract
{
    public const string ProblemDetail = "ProblemDetail.schema.json";
    public const string JobExecution = "FOTAJobExecution.schema.json";
    public const string JobExecutions = "FOTAJobExecutions.schema.json";
    public const string DeviceIdentity = "DeviceIdentity.schema.json";

    private static readonly Lazy<string?> Folder = new(FindContractFolder);

    public static bool IsAvailable => Folder.Value is not null;

    /// <summary>Asserts <paramref name="json"/> is valid against the schema, or skips the test when ../shared is missing.</summary>
    public static void ShouldValidate(JsonNode? json, string schemaFile)
    {
        if (Folder.Value is null)
        {
            Assert.Skip("../shared/contract (beside the folder holding Fota.sln) is absent, so the protocol's JSON Schemas cannot be checked.");
        }

        var schema = JsonSchema.FromFile(Path.Combine(Folder.Value, schemaFile));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        result.IsValid.Should().BeTrue($"{json?.ToJsonString()} should be valid against {schemaFile}: {string.Join("; ", errors)}");
    }

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
