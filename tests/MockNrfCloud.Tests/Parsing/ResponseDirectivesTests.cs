using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Tests.Parsing;

public class ResponseDirectivesTests
{
    [Fact]
    public void A_response_without_directives_answers_at_once()
    {
        RawHttpResponseParser.Parse("HTTP/1.1 200 OK\nX-Trace: 1\n\n{}").Directives.Should().Be(ResponseDirectives.None);
    }

    [Theory]
    [InlineData("3000ms", 3000)]
    [InlineData("3s", 3000)]
    [InlineData("250 ms", 250)]
    [InlineData("0ms", 0)]
    [InlineData("600S", 600_000)]
    public void A_delay_is_whole_milliseconds_or_seconds(string value, int milliseconds)
    {
        var response = RawHttpResponseParser.Parse($"HTTP/1.1 200 OK\nX-Mock-Delay: {value}\n\n");

        response.Directives.Delay.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
        response.Directives.Drop.Should().BeFalse();
    }

    [Fact]
    public void Directives_are_taken_out_of_the_headers_and_may_be_combined()
    {
        var response = RawHttpResponseParser.Parse("HTTP/1.1 200 OK\nContent-Type: application/json\nx-mock-delay: 2s\nX-Mock-Drop: TRUE\n\n{}");

        response.Directives.Should().Be(new ResponseDirectives(TimeSpan.FromSeconds(2), Drop: true));
        response.Headers.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("Content-Type", "application/json"));
        response.Body.Should().Be("{}");
    }

    [Theory]
    [InlineData("X-Mock-Delay: 3 seconds", "is not a delay")]
    [InlineData("X-Mock-Delay: 1.5s", "is not a delay")]
    [InlineData("X-Mock-Delay: -1ms", "is not a delay")]
    [InlineData("X-Mock-Delay: 3000", "e.g. '3000ms' or '3s'")]
    [InlineData("X-Mock-Delay: 601s", "longer than the longest delay")]
    [InlineData("X-Mock-Delay: 9999999999ms", "is not a delay")]
    [InlineData("X-Mock-Drop: yes", "is not 'true' or 'false'")]
    [InlineData("X-Mock-Dealy: 3s", "'X-Mock-Dealy' is not a mock directive")]
    public void A_bad_directive_is_refused_naming_its_line_and_value(string line, string problem)
    {
        var parse = () => RawHttpResponseParser.Parse($"HTTP/1.1 200 OK\nContent-Type: text/plain\n{line}\n\nok");

        var error = parse.Should().Throw<RawHttpFormatException>().Which;
        error.LineNumber.Should().Be(3);
        error.Problem.Should().Contain(problem);
    }

    [Fact]
    public void A_directive_given_twice_is_refused()
    {
        var parse = () => RawHttpResponseParser.Parse("HTTP/1.1 200 OK\nX-Mock-Delay: 1s\nX-Mock-Delay: 2s\n\n");

        var error = parse.Should().Throw<RawHttpFormatException>().Which;
        error.LineNumber.Should().Be(3);
        error.Problem.Should().Contain("given twice (first on line 2)");
    }
}
