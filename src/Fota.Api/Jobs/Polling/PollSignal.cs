using Fota.Api.Storage;

namespace Fota.Api.Jobs.Polling;

/// <summary>
/// Wakes the status poller at once: a new job wants its first poll (<see cref="NewJob"/>), or the poller's own slots and
/// writer say a slot or a claim share is free (<see cref="WakeSignal.Notify"/>). Many signals before a wake-up count as one.
/// </summary>
public sealed class PollSignal : WakeSignal
{
    private long _newJobs;

    /// <summary>How many new jobs were signalled so far (a claim that found nothing new is worth repeating only after one).</summary>
    public long NewJobs => Interlocked.Read(ref _newJobs);

    public void NewJob()
    {
        Interlocked.Increment(ref _newJobs);
        Notify();
    }
}
