using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Tests.Matching;

public sealed class CalledWithMatcherTests
{
    private const string CreateJob = """
        POST /v1/fota-jobs HTTP/1.1
        Content-Type: application/json

        {"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["oob-1"]}
        """;

    [Fact]
    public void Reads_the_request_line_headers_and_body()
    {
        var request = RawHttpRequestParser.Parse("GET /v1/fota-jobs/abc?x=1&y=2 HTTP/1.1\r\nAccept: application/json\r\nX-A: b: c\r\n\r\nline 1\r\nline 2");

        request.Method.Should().Be("GET");
        request.Path.Should().Be("/v1/fota-jobs/abc");
        request.Query.Should().Be("x=1&y=2");
        request.Headers.Should().Equal(new KeyValuePair<string, string>("Accept", "application/json"), new KeyValuePair<string, string>("X-A", "b: c"));
        request.Body.Should().Be("line 1\r\nline 2", "the body is kept verbatim");
        request.GetHeader("accept").Should().Be("application/json");
    }

    [Fact]
    public void A_request_without_blank_line_or_body_has_an_empty_body()
    {
        RawHttpRequestParser.Parse("GET /x HTTP/1.1\nAccept: a").Body.Should().BeEmpty();
        RawHttpRequestParser.Parse("GET /x HTTP/1.1\nAccept: a\n").Body.Should().BeEmpty();
    }

    [Fact]
    public void An_unreadable_request_line_is_rejected()
    {
        var read = () => RawHttpRequestParser.Parse("nonsense");
        read.Should().Throw<FormatException>();
    }

    [Fact]
    public void A_json_body_matches_the_expected_body_written_compactly()
    {
        const string pretty = "POST /v1/fota-jobs HTTP/1.1\nContent-Type: application/json\n\n{\n  \"bundleId\": \"APP*1e29dfa3*v2.0.0\",\n  \"autoApply\": true,\n  \"deviceIdentifiers\": [ \"oob-1\" ]\n}";
        var compact = Recorded("POST", "/v1/fota-jobs", body: """{"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["oob-1"]}""");

        Differences(CreateJob, compact).Should().BeEmpty();
        Differences(pretty, compact).Should().BeEmpty("whitespace between tokens of the expected body is removed");
    }

    [Fact]
    public void A_json_body_in_another_key_order_does_not_match_and_the_first_difference_is_named()
    {
        var actual = Recorded("POST", "/v1/fota-jobs", body: """{"autoApply":true,"bundleId":"APP*1e29dfa3*v2.0.0","deviceIdentifiers":["oob-1"]}""");

        Differences(CreateJob, actual).Should().ContainSingle("the values are equal, only the order differs")
            .Which.Should().Contain("first difference at character 3: expected 'bundleId\":\"APP*1e29d…' but was 'autoApply\":true,\"bun…'");
    }

    [Fact]
    public void A_json_body_with_whitespace_or_another_number_form_does_not_match()
    {
        var spaced = Recorded("POST", "/v1/fota-jobs", body: """{"bundleId": "APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["oob-1"]}""");
        Differences(CreateJob, spaced).Should().ContainSingle().Which.Should().Contain("first difference at character 13");

        const string number = "POST /x HTTP/1.1\nContent-Type: application/json\n\n{\"n\": 1.0}";
        Differences(number, Recorded("POST", "/x", body: """{"n":1.0}""")).Should().BeEmpty();
        Differences(number, Recorded("POST", "/x", body: """{"n":1}""")).Should().NotBeEmpty("the number is compared as written");
    }

    [Fact]
    public void Paths_are_compared_decoded_on_both_sides()
    {
        Differences("GET /v1/fota-jobs/APP%2A1 HTTP/1.1", Recorded("GET", "/v1/fota-jobs/APP*1")).Should().BeEmpty();
        Differences("GET /v1/fota-jobs/APP*1 HTTP/1.1", Recorded("GET", "/v1/fota-jobs/APP*1")).Should().BeEmpty();
    }

    [Fact]
    public void A_json_body_missing_a_key_does_not_match()
    {
        var actual = Recorded("POST", "/v1/fota-jobs", body: """{"bundleId":"APP*1e29dfa3*v2.0.0","deviceIdentifiers":["oob-1"]}""");

        Differences(CreateJob, actual).Should().HaveCount(2)
            .And.Contain("body $.autoApply: expected true but was missing", "the path of each value difference is named")
            .And.Contain(d => d.Contains("first difference at character 36", StringComparison.Ordinal));
    }

    [Fact]
    public void A_json_body_with_an_extra_key_does_not_match()
    {
        var actual = Recorded("POST", "/v1/fota-jobs", body: """{"bundleId":"APP*1e29dfa3*v2.0.0","autoApply":true,"deviceIdentifiers":["oob-1"],"x":1}""");

        Differences(CreateJob, actual).Should().Contain(d => d.Contains("$.x", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_json_content_type_bodies_compare_as_exact_text()
    {
        const string expected = "POST /x HTTP/1.1\nContent-Type: text/plain\n\n{\"a\":1}";

        var text = new Dictionary<string, string> { ["Content-Type"] = "text/plain" };
        Differences(expected, Recorded("POST", "/x", body: "{\"a\":1}", headers: text)).Should().BeEmpty();
        Differences(expected, Recorded("POST", "/x", body: "{ \"a\": 1 }", headers: text)).Should().ContainSingle().Which.Should().StartWith("body: expected the text");
    }

    [Fact]
    public void Query_parameters_compare_as_sets()
    {
        const string expected = "GET /v1/devices?a=1&b=x%20y HTTP/1.1";

        Differences(expected, Recorded("GET", "/v1/devices", query: "b=x y&a=1")).Should().BeEmpty();
        Differences(expected, Recorded("GET", "/v1/devices", query: "a=1")).Should().ContainSingle().Which.Should().StartWith("query:");
        Differences(expected, Recorded("GET", "/v1/devices", query: "a=1&b=x%20y&c=3")).Should().ContainSingle();
    }

    [Fact]
    public void Header_names_are_case_insensitive_and_values_exact()
    {
        const string expected = "GET /x HTTP/1.1\naccept: application/json; charset=utf-8";

        Differences(expected, Recorded("GET", "/x", headers: new() { ["Accept"] = "application/json; charset=utf-8" })).Should().BeEmpty();
        Differences(expected, Recorded("GET", "/x", headers: new() { ["Accept"] = "application/json" }))
            .Should().ContainSingle().Which.Should().Contain("expected 'application/json; charset=utf-8' but was 'application/json'");
        Differences(expected, Recorded("GET", "/x")).Should().ContainSingle().Which.Should().Contain("missing");
    }

    [Fact]
    public void Method_and_path_must_be_equal()
    {
        Differences("GET /x HTTP/1.1", Recorded("POST", "/x")).Should().ContainSingle();
        Differences("GET /x HTTP/1.1", Recorded("GET", "/y")).Should().ContainSingle();
        Differences("GET /x HTTP/1.1", Recorded("GET", "/x")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void Json_content_types_are_recognised(string? contentType, bool isJson)
    {
        BodyMatcher.IsJson(contentType).Should().Be(isJson);
    }

    private static IReadOnlyList<string> Differences(string expected, RecordedRequest actual) =>
        RequestMatcher.ParseCalledWith(expected).Differences(actual);

    private static RecordedRequest Recorded(string method, string path, string query = "", string body = "", Dictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        foreach (var (name, value) in headers ?? [])
        {
            all[name] = value;
        }

        return new RecordedRequest(DateTimeOffset.UnixEpoch, method, path, query, all, body, null);
    }
}
