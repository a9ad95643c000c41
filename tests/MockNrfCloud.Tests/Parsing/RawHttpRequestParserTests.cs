using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Tests.Parsing;

public class RawHttpRequestParserTests
{
    [Fact]
    public void Parses_request_line_headers_and_body()
    {
        var request = RawHttpRequestParser.Parse(
            "POST /v1/fota-jobs?a=1&b=x%20y HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer k\r\n\r\n{\"bundleId\":\"b\"}");

        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/fota-jobs");
        request.Query.Should().Be("a=1&b=x%20y");
        request.HttpVersion.Should().Be("HTTP/1.1");
        request.QueryParameters.Should().Equal(
            new KeyValuePair<string, string>("a", "1"),
            new KeyValuePair<string, string>("b", "x y"));
        request.GetHeader("content-type").Should().Be("application/json");
        request.Headers.Should().HaveCount(2);
        request.Body.Should().Be("{\"bundleId\":\"b\"}");
    }

    [Fact]
    public void Accepts_LF_a_missing_version_and_lower_case_methods()
    {
        var request = RawHttpRequestParser.Parse("get /v1/fota-jobs/j1\nAccept: application/json\n");

        request.Method.Should().Be("GET");
        request.Path.Should().Be("/v1/fota-jobs/j1");
        request.Query.Should().BeEmpty();
        request.HttpVersion.Should().BeNull();
        request.Body.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("GET", 1, "expected a request line")]
    [InlineData("GET /a HTTP/1.1 extra", 1, "expected a request line")]
    [InlineData("GET v1/fota-jobs HTTP/1.1", 1, "must start with '/'")]
    [InlineData("GET https://api.nrfcloud.com/v1 HTTP/1.1", 1, "must start with '/'")]
    [InlineData("GET /a HTTP/one", 1, "not an HTTP version")]
    [InlineData("G(T /a", 1, "not an HTTP method")]
    [InlineData("\nGET /a HTTP/1.1\nAccept application/json\n", 3, "has no ':'")]
    public void Rejects_malformed_requests_naming_line_and_problem(string raw, int line, string problem)
    {
        var parse = () => RawHttpRequestParser.Parse(raw);

        var error = parse.Should().Throw<RawHttpFormatException>().Which;
        error.LineNumber.Should().Be(line);
        error.Message.Should().StartWith($"Line {line}: ").And.Contain(problem);
    }
}
