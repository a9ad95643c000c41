using Fota.Api.Storage;

namespace Fota.Api.Jobs.Polling;

/// <summary>Wakes the status poller at once (a new job wants its first poll). Many signals before a wake-up count as one.</summary>
public sealed class PollSignal : WakeSignal;
