using Fota.Api.Tests.Support;
using Fota.Testing;

namespace Fota.Api.Tests;

/// <summary>The one test that says whether the protocol's JSON Schemas took part in this run (they need ../shared).</summary>
public sealed class ContractSchemaTests
{
    [Fact]
    public void The_protocol_schemas_are_read()
    {
        if (!Contract.IsAvailable)
        {
            VisibleSkip.Because(Contract.MissingMessage);
        }

        foreach (var schemaFile in new[] { Contract.ProblemDetail, Contract.JobExecution, Contract.JobExecutions })
        {
            Contract.Load(schemaFile).Should().NotBeNull(schemaFile);
        }
    }
}
