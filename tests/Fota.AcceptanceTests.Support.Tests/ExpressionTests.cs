using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support.Expressions;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>The steps' use of the JSONata engine: variables, selections, undefined results.</summary>
public sealed class ExpressionTests
{
    [Fact]
    public void Store_steps_evaluate_against_the_variables_after_substitution()
    {
        var variables = new ScenarioVariables();
        variables.Set("ts", JsonValue.Create(1694503339523L));

        var value = variables.Evaluate(variables.Substitute("$fromMillis(${ts})"));

        value!.GetValue<string>().Should().Be("2023-09-12T07:22:19.523Z");
    }

    [Fact]
    public void Every_substitution_tells_what_the_expression_resolved_to()
    {
        var told = new List<string>();
        var variables = new ScenarioVariables { Resolved = told.Add };
        variables.Set("jobId", "68b5f4");

        variables.Substitute("/jobs/${jobId}");

        told.Should().Equal("${jobId} = 68b5f4");
    }

    [Fact]
    public void A_step_tells_each_resolved_value_once_however_often_it_substitutes_it()
    {
        var told = new List<string>();
        var variables = new ScenarioVariables { Resolved = told.Add };
        variables.Set("jobId", "68b5f4");

        variables.StartStep();
        variables.Substitute("/jobs/${jobId}");
        variables.Substitute("/jobs/${jobId}"); // the next retry attempt
        variables.SubstituteJson("""{"id":"${jobId}"}""");
        variables.StartStep();
        variables.Substitute("/jobs/${jobId}");

        told.Should().Equal("${jobId} = 68b5f4", "${jobId} = 68b5f4");
    }

    [Theory]
    [InlineData("adminToken")]
    [InlineData("nrfCloudApiKey")]
    public void Credentials_are_substituted_but_not_shown_in_the_living_documentation(string name)
    {
        var told = new List<string>();
        var variables = new ScenarioVariables { Resolved = told.Add };
        variables.Set(name, "s3cr3t-value");

        variables.Substitute($"Bearer ${{{name}}}").Should().Be("Bearer s3cr3t-value");

        told.Should().Equal($"${{{name}}} = (secret, 12 characters, not shown)");
    }

    [Fact]
    public void Placeholders_evaluate_jsonata_expressions()
    {
        var variables = new ScenarioVariables();
        variables.Set("APIURL", "http://localhost");
        variables.Set("n", JsonValue.Create(2));

        variables.Substitute("${APIURL & '/x'}/${n + 1}").Should().Be("http://localhost/x/3");
        variables.SubstituteJson("""{"n":"$number{n * 10}"}""").Should().Be("""{"n":20}""");
    }

    [Fact]
    public void An_undefined_result_fails_the_step()
    {
        var variables = new ScenarioVariables();
        variables.Set("job", JsonNode.Parse("""{"id":"a"}"""));

        var substitute = () => variables.Substitute("${job.version}");

        substitute.Should().Throw<StepFailedException>().WithMessage("*job.version*undefined*");
    }

    [Fact]
    public void Selections_read_the_response_body()
    {
        var body = JsonNode.Parse("""{"jobs":[{"id":"a"},{"id":"b"}]}""");

        StepExpressions.Evaluate("$.jobs[0].id", body).Value!.GetValue<string>().Should().Be("a");
        StepExpressions.Evaluate("$.jobs[5]", body).IsUndefined.Should().BeTrue();
    }
}
