namespace MockNrfCloud.Tests.Support;

/// <summary>One server per test class; tests isolate themselves with their own API keys (which is what partitions are for).</summary>
public sealed class InProcessMockFixture : IAsyncDisposable
{
    public MockUnderTest Mock { get; } = MockUnderTest.InProcess();

    public ValueTask DisposeAsync() => Mock.DisposeAsync();
}

public sealed class HttpMockFixture : IAsyncDisposable
{
    public MockUnderTest Mock { get; } = MockUnderTest.OverHttp();

    public ValueTask DisposeAsync() => Mock.DisposeAsync();
}
