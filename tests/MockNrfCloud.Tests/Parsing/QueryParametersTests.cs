using MockNrfCloud.Abstractions.Parsing;

namespace MockNrfCloud.Tests.Parsing;

public class QueryParametersTests
{
    [Fact]
    public void Splits_and_decodes_in_order_keeping_plus_and_empty_values()
    {
        QueryParameters.Parse("?a=1&flag&c=%2Fx%2F&d=1+2&a=2").Should().Equal(
            new KeyValuePair<string, string>("a", "1"),
            new KeyValuePair<string, string>("flag", ""),
            new KeyValuePair<string, string>("c", "/x/"),
            new KeyValuePair<string, string>("d", "1+2"),
            new KeyValuePair<string, string>("a", "2"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?")]
    public void Empty_queries_have_no_parameters(string? query) =>
        QueryParameters.Parse(query).Should().BeEmpty();
}
