namespace Fota.AcceptanceTests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
