namespace MockNrfCloud.Tests.Server;

public class ApiKeyPartitionTests
{
    [Theory]
    [InlineData("Bearer abc123", "abc123")]
    [InlineData("bearer  abc123 ", "abc123")]
    [InlineData(null, ApiKeyPartition.Anonymous)]
    [InlineData("", ApiKeyPartition.Anonymous)]
    [InlineData("Bearer ", ApiKeyPartition.Anonymous)]
    [InlineData("Basic dXNlcjpwYXNz", ApiKeyPartition.Anonymous)]
    public void The_partition_is_the_bearer_key_or_anonymous(string? authorization, string partition) =>
        ApiKeyPartition.FromAuthorization(authorization).Should().Be(partition);

    [Theory]
    [InlineData("0123456789abcdef", "************cdef")]
    [InlineData("abcd", "abcd")]
    [InlineData(ApiKeyPartition.Anonymous, ApiKeyPartition.Anonymous)]
    public void Diagnostics_show_only_the_last_four_characters(string apiKey, string shown) =>
        ApiKeyPartition.Mask(apiKey).Should().Be(shown);
}
