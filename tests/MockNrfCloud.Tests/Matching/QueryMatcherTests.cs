using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;

namespace MockNrfCloud.Tests.Matching;

public class QueryMatcherTests
{
    private static RecordedRequest WithQuery(string query) =>
        new(DateTimeOffset.UnixEpoch, "GET", "/v1/x", query, new Dictionary<string, string>(), "", null);

    [Theory]
    [InlineData("a=1", "a=1&b=2", true)]
    [InlineData("b=2&a=1", "a=1&b=2", true)]
    [InlineData("a=1&c=3", "a=1&b=2", false)]
    [InlineData("a=/^J[0-9]+$/", "a=J42", true)]
    [InlineData("a=/^J[0-9]+$/", "a=J42x", false)]
    [InlineData("", "anything=1", true)]
    public void The_queue_mode_wants_every_expected_parameter_present(string expected, string actual, bool matches) =>
        new QueryMatcher(expected, QueryMatchMode.SubsetWithRegexValues).IsMatch(WithQuery(actual)).Should().Be(matches);

    [Theory]
    [InlineData("a=1&b=2", "b=2&a=1", true)]
    [InlineData("a=1", "a=1&b=2", false)]
    [InlineData("a=/1/", "a=1", false)]
    [InlineData("", "", true)]
    [InlineData("", "a=1", false)]
    public void The_called_with_mode_wants_equal_sets(string expected, string actual, bool matches) =>
        new QueryMatcher(expected, QueryMatchMode.SetEquality).IsMatch(WithQuery(actual)).Should().Be(matches);

    [Fact]
    public void A_difference_names_both_sets()
    {
        new QueryMatcher("a=1", QueryMatchMode.SetEquality).Differences(WithQuery("a=2&b=3"))
            .Should().Equal("query: expected {a=1} but was {a=2, b=3}");
        new QueryMatcher("a=1", QueryMatchMode.SubsetWithRegexValues).Differences(WithQuery("b=3"))
            .Should().Equal("query: expected at least {a=1} but was {b=3}");
    }
}
