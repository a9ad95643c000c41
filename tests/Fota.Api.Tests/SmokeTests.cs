namespace Fota.Api.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
