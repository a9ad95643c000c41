using Fota.Api.Jobs.Scheduling;

namespace Fota.Api.Tests;

public sealed class ScheduleDrainTests
{
    [Fact]
    public async Task The_stop_waits_for_every_schedule_in_flight()
    {
        var drain = new ScheduleDrain();
        var first = drain.Enter();
        var second = drain.Enter();

        var stopping = drain.StopAsync(TestContext.Current.CancellationToken);
        first.Dispose();
        first.Dispose();
        stopping.IsCompleted.Should().BeFalse("one schedule is still recording its outcome (a second Dispose counts once)");

        second.Dispose();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_stop_ends_at_the_hosts_shutdown_timeout()
    {
        var drain = new ScheduleDrain();
        using var stuck = drain.Enter();
        using var timeout = new CancellationTokenSource();

        var stopping = drain.StopAsync(timeout.Token);
        await timeout.CancelAsync();

        await FluentActions.Awaiting(() => stopping).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Nothing_in_flight_stops_at_once() =>
        new ScheduleDrain().StopAsync(CancellationToken.None).IsCompleted.Should().BeTrue();
}
