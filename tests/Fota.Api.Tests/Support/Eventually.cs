namespace Fota.Api.Tests.Support;

/// <summary>Waits for asynchronous work by polling a condition until a deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string because, TimeSpan? timeout = null, Func<Task>? between = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting: {because}. Last value: {value}");
            }

            if (between is not null)
            {
                await between();
            }

            await Task.Delay(delay, TestContext.Current.CancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null, Func<Task>? between = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), ok => ok, because, timeout, between);
}
