using MockNrfCloud.Queueing;
using MockNrfCloud.Simulator;

namespace MockNrfCloud.NrfCloud;

/// <summary>How the mock answers one nRF Cloud request: a queued response, else the simulator's answer (after its
/// latency), else neither (the nothing-queued 404).</summary>
internal sealed record NrfCloudAnswer(QueuedResponse? Queued, SimulatedAnswer? Simulated, TimeSpan SimulatedLatency);
