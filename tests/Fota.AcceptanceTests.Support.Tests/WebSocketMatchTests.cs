using System.Text.Json.Nodes;
using MockNrfCloud.Abstractions.Matching;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>SPEC 5.5's WebSocket array rule: each expected element matches some actual element, any order, extras allowed.</summary>
public sealed class WebSocketMatchTests
{
    private const string Shadow = """
        {"@context":"https://github.com/hello-nrfcloud/proto/shadow","reported":[
          {"ObjectID":14204,"ObjectVersion":"1.0","ObjectInstanceID":0,"Resources":{"0":"355025930003908","3":"2.0.0","99":1716801888}},
          {"ObjectID":14401,"ObjectVersion":"1.0","ObjectInstanceID":0,"Resources":{"0":["BOOT","MODEM","APP"],"99":1717409966}}
        ],"desired":[]}
        """;

    private static IReadOnlyList<string> Match(string expected, string actual) =>
        JsonMatcher.PartialAnyOrder(JsonNode.Parse(expected), JsonNode.Parse(actual));

    [Fact]
    public void An_expected_element_matches_an_actual_element_at_any_position_with_extras_allowed() =>
        Match("""{"reported":[{"ObjectID":14401,"Resources":{"0":["BOOT","MODEM","APP"],"99":1717409966}}]}""", Shadow).Should().BeEmpty();

    [Fact]
    public void Nested_arrays_follow_the_same_rule() =>
        Match("""{"reported":[{"ObjectID":14401,"Resources":{"0":["APP","BOOT"]}}]}""", Shadow).Should().BeEmpty();

    [Fact]
    public void Several_expected_elements_each_need_a_match()
    {
        Match("""{"reported":[{"ObjectID":14401},{"ObjectID":14204}]}""", Shadow).Should().BeEmpty();
        Match("""{"reported":[{"ObjectID":14401},{"ObjectID":14205}]}""", Shadow)
            .Should().ContainSingle().Which.Should().StartWith("$.reported[1]: expected {\"ObjectID\":14205} to match some element of");
    }

    [Fact]
    public void An_element_matching_nothing_is_a_difference_naming_its_path() =>
        Match("""{"reported":[{"ObjectID":14401,"Resources":{"99":1}}]}""", Shadow)
            .Should().ContainSingle().Which.Should().StartWith("$.reported[0]: expected");

    [Fact]
    public void An_empty_expected_array_matches_any_array_but_not_another_kind()
    {
        Match("""{"desired":[]}""", Shadow).Should().BeEmpty();
        Match("""{"@context":[]}""", Shadow).Should().ContainSingle();
    }

    [Fact]
    public void Outside_WebSocket_messages_arrays_still_match_element_by_element() =>
        JsonMatcher.Partial(JsonNode.Parse("""{"reported":[{"ObjectID":14401}]}"""), JsonNode.Parse(Shadow)).Should().NotBeEmpty();
}
