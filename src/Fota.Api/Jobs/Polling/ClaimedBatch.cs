namespace Fota.Api.Jobs.Polling;

/// <summary>
/// The jobs of one claim share one service scope (and so one <see cref="JobStatusPoll"/> with its account cache); the
/// scope ends when the last of them is polled or dropped.
/// </summary>
internal sealed class ClaimedBatch(AsyncServiceScope scope, int jobs)
{
    private int _remaining = jobs;

    public JobStatusPoll Poll { get; } = scope.ServiceProvider.GetRequiredService<JobStatusPoll>();

    public async ValueTask DoneAsync()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            await scope.DisposeAsync();
        }
    }
}
