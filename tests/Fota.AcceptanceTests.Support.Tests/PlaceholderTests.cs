using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Support.Expressions;

namespace Fota.AcceptanceTests.Support.Tests;

public sealed class PlaceholderTests
{
    private static readonly Dictionary<string, JsonNode?> Variables = new()
    {
        ["jobId"] = "bc631093",
        ["ts"] = 1694503339523,
        ["quote"] = "say \"hi\"",
        ["APIURL"] = "http://localhost",
    };

    [Fact]
    public void Expressions_in_text_become_their_values()
    {
        Placeholders.InText("${APIURL}/jobs/${jobId}?t=${ts}", Lookup).Should().Be("http://localhost/jobs/bc631093?t=1694503339523");
    }

    [Fact]
    public void Text_without_placeholders_is_unchanged()
    {
        Placeholders.InText("$.jobs[0] costs $5 {x}", Lookup).Should().Be("$.jobs[0] costs $5 {x}");
    }

    [Fact]
    public void Number_placeholders_in_json_become_bare_values()
    {
        Placeholders.InJson("""{"id":"${jobId}","ts":"$number{ts}"}""", Lookup).Should().Be("""{"id":"bc631093","ts":1694503339523}""");
    }

    [Fact]
    public void Number_placeholders_are_left_alone_in_plain_text()
    {
        Placeholders.InText("\"$number{ts}\"", Lookup).Should().Be("\"$number{ts}\"");
    }

    [Fact]
    public void Strings_inserted_into_json_are_escaped()
    {
        var json = Placeholders.InJson("""{"q":"${quote}"}""", Lookup);

        JsonNode.Parse(json)!["q"]!.GetValue<string>().Should().Be("say \"hi\"");
    }

    [Fact]
    public void Braces_inside_expressions_and_their_strings_are_balanced()
    {
        var seen = new List<string>();

        Placeholders.InText("a ${ {\"x\": \"}\"}.x } b", expression =>
        {
            seen.Add(expression);
            return "v";
        }).Should().Be("a v b");
        seen.Should().Equal(" {\"x\": \"}\"}.x ");
    }

    [Fact]
    public void An_unclosed_placeholder_is_an_error()
    {
        var substitute = () => Placeholders.InText("${jobId", Lookup);
        substitute.Should().Throw<FormatException>();
    }

    [Fact]
    public void An_undefined_variable_fails_naming_it()
    {
        var evaluate = () => StepExpressions.EvaluateAgainstVariables("$fromMillis(tss) & jobId", Variables);

        evaluate.Should().Throw<StepFailedException>().WithMessage("*`tss`*").And.Message.Should().NotContain("`jobId`");
    }

    [Theory]
    [InlineData("ts", new string[] { "ts" })]
    [InlineData("$fromMillis(ts)", new string[] { "ts" })]
    [InlineData("$millis()", new string[0])]
    [InlineData("a.b.c & \"text\" & d", new string[] { "a", "d" })]
    [InlineData("jobs[status = 'x'].id", new string[] { "jobs" })]
    [InlineData("ts > 1e10 and true", new string[] { "ts" })]
    [InlineData("$.jobs[0]", new string[0])]
    public void Referenced_names_are_the_top_level_paths(string expression, string[] names)
    {
        ReferencedNames.Of(expression).Should().Equal(names);
    }

    private static JsonNode? Lookup(string expression)
    {
        var name = expression.Trim();
        return Variables.TryGetValue(name, out var value) ? value?.DeepClone() : throw new StepFailedException(name);
    }
}
