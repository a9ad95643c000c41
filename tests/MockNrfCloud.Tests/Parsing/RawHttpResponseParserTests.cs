using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Tests.Parsing;

public class RawHttpResponseParserTests
{
    [Fact]
    public void Parses_status_headers_and_body_with_CRLF()
    {
        var response = RawHttpResponseParser.Parse("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Trace:  a b \r\n\r\n{\"jobId\":\"j1\"}");

        response.StatusCode.Should().Be(201);
        response.ReasonPhrase.Should().Be("Created");
        response.Headers.Should().Equal(
            new KeyValuePair<string, string>("Content-Type", "application/json"),
            new KeyValuePair<string, string>("X-Trace", "a b"));
        response.Body.Should().Be("{\"jobId\":\"j1\"}");
    }

    [Fact]
    public void Parses_LF_line_ends_and_keeps_the_body_verbatim()
    {
        var response = RawHttpResponseParser.Parse("HTTP/1.1 200 OK\nContent-Type: text/plain\n\nline one\nline two\n");

        response.StatusCode.Should().Be(200);
        response.Body.Should().Be("line one\nline two\n");
    }

    [Fact]
    public void Accepts_a_status_line_without_reason_and_no_body()
    {
        var response = RawHttpResponseParser.Parse("HTTP/2 204");

        response.StatusCode.Should().Be(204);
        response.ReasonPhrase.Should().BeEmpty();
        response.Headers.Should().BeEmpty();
        response.Body.Should().BeEmpty();
    }

    [Fact]
    public void Keeps_multi_word_reasons_and_skips_leading_blank_lines()
    {
        var response = RawHttpResponseParser.Parse("\n\nHTTP/1.1 429 Too Many Requests\nRetry-After: 1\n\n");

        response.StatusCode.Should().Be(429);
        response.ReasonPhrase.Should().Be("Too Many Requests");
        response.GetHeader("retry-after").Should().Be("1", "header lookup ignores case");
    }

    [Fact]
    public void Keeps_a_given_Content_Length_header_for_the_server_to_drop()
    {
        var response = RawHttpResponseParser.Parse("HTTP/1.1 200 OK\nContent-Length: 999\n\nabc");

        response.GetHeader("Content-Length").Should().Be("999");
        response.Body.Should().Be("abc");
    }

    [Fact]
    public void Joins_repeated_headers()
    {
        var response = RawHttpResponseParser.Parse("HTTP/1.1 200 OK\nVary: a\nvary: b\n\n");

        response.GetHeader("Vary").Should().Be("a, b");
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("\n\n", 2, "empty")]
    [InlineData("200 OK", 1, "status line")]
    [InlineData("HTTP/1.1", 1, "status line")]
    [InlineData("HTTPS/1.1 200 OK", 1, "status line")]
    [InlineData("HTTP/1.1 abc OK", 1, "'abc' is not a number")]
    [InlineData("HTTP/1.1 2000 OK", 1, "'2000' is not a number")]
    [InlineData("HTTP/1.1 99 Low", 1, "'99' is not a number")]
    [InlineData("HTTP/1.1 200 OK\nContent-Type: a\nno colon here\n\nbody", 3, "has no ':'")]
    [InlineData("\nHTTP/1.1 200 OK\n: empty-name\n", 3, "header name")]
    [InlineData("HTTP/1.1 200 OK\nBad Name: x\n", 2, "header name")]
    [InlineData("HTTP/1.1 200 OK\nA: 1\n  folded\n", 3, "folded")]
    public void Rejects_malformed_responses_naming_line_and_problem(string raw, int line, string problem)
    {
        var parse = () => RawHttpResponseParser.Parse(raw);

        var error = parse.Should().Throw<RawHttpFormatException>().Which;
        error.LineNumber.Should().Be(line);
        error.Message.Should().StartWith($"Line {line}: ").And.Contain(problem);
    }
}
