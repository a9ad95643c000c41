using System.Text.Json.Nodes;
using MockNrfCloud.Abstractions.Matching;

namespace MockNrfCloud.Tests.Matching;

public sealed class JsonMatcherTests
{
    [Fact]
    public void Expected_objects_are_subsets_recursively()
    {
        Partial("""{"a":{"b":1}}""", """{"a":{"b":1,"c":2},"d":3}""").Should().BeEmpty();
    }

    [Fact]
    public void A_wrong_value_is_reported_with_its_path_expected_and_actual()
    {
        Partial("""{"jobs":[{"status":"IN_PROGRESS"}]}""", """{"jobs":[{"status":"QUEUED","id":"x"}]}""")
            .Should().Equal("""$.jobs[0].status: expected "IN_PROGRESS" but was "QUEUED" """.TrimEnd());
    }

    [Fact]
    public void A_missing_key_is_reported()
    {
        Partial("""{"version":"v2"}""", "{}").Should().Equal("""$.version: expected "v2" but was missing""");
    }

    [Fact]
    public void Keys_that_are_not_identifiers_are_quoted_in_paths()
    {
        Partial("""{"@context":"a"}""", """{"@context":"b"}""").Should().Equal("""$["@context"]: expected "a" but was "b" """.TrimEnd());
    }

    [Fact]
    public void Arrays_must_have_the_same_length()
    {
        Partial("[1,2]", "[1,2,3]").Should().ContainSingle().Which.Should().StartWith("$: expected 2 element(s) but was 3");
        Partial("[]", "[]").Should().BeEmpty();
        Partial("[]", "[{}]").Should().ContainSingle();
    }

    [Fact]
    public void Array_elements_match_partially_in_order()
    {
        Partial("""[{"id":"a"},{"id":"b"}]""", """[{"id":"a","x":1},{"id":"b","x":2}]""").Should().BeEmpty();
        Partial("""[{"id":"a"},{"id":"b"}]""", """[{"id":"b"},{"id":"a"}]""").Should().HaveCount(2);
    }

    [Fact]
    public void Numbers_compare_by_value_and_strings_exactly()
    {
        Partial("""{"n":1}""", """{"n":1.0}""").Should().BeEmpty();
        Partial("""{"n":1e3}""", """{"n":1000}""").Should().BeEmpty();
        Partial("""{"n":1}""", """{"n":"1"}""").Should().ContainSingle().Which.Should().Be("""$.n: expected 1 but was "1" """.TrimEnd());
        Partial("""{"s":"a"}""", """{"s":"A"}""").Should().ContainSingle();
    }

    [Fact]
    public void Null_false_and_types_are_told_apart()
    {
        Partial("""{"a":null}""", """{"a":null}""").Should().BeEmpty();
        Partial("""{"a":null}""", """{"a":false}""").Should().ContainSingle();
        Partial("""{"a":null}""", "{}").Should().ContainSingle().Which.Should().EndWith("was missing");
        Partial("""{"a":{}}""", """{"a":[]}""").Should().ContainSingle();
        Partial("""{"a":true}""", """{"a":true}""").Should().BeEmpty();
    }

    [Fact]
    public void Exact_matching_reports_extra_keys_but_ignores_key_order()
    {
        JsonMatcher.Exact(JsonNode.Parse("""{"a":1,"b":2}"""), JsonNode.Parse("""{"b":2,"a":1}""")).Should().BeEmpty();
        JsonMatcher.Exact(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"a":1,"autoApply":true}"""))
            .Should().Equal("$.autoApply: not expected but was true");
    }

    private static IReadOnlyList<string> Partial(string expected, string actual) =>
        JsonMatcher.Partial(JsonNode.Parse(expected), JsonNode.Parse(actual));
}
