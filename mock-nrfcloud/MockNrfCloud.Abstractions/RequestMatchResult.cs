namespace MockNrfCloud.Abstractions;

/// <summary>
/// The answer to one "called with" attempt (<see cref="IMockNrfCloud.MatchRequestAsync"/>): the first recorded request
/// matching the expected one (null when none arrived in time), the nearest misses — the recorded requests with the
/// expected method and path that differ in query, headers or body, each with its differences — and everything recorded
/// for the API keys, oldest first (for the failure message).
/// </summary>
public sealed record RequestMatchResult(RecordedRequest? Match, IReadOnlyList<NearMiss> NearestMisses, IReadOnlyList<RecordedRequest> Recorded);

/// <summary>A recorded request with the expected method and path that differs otherwise: every difference, written
/// as in failure messages (first differing character, JSON path of each differing value).</summary>
public sealed record NearMiss(RecordedRequest Request, IReadOnlyList<string> Differences);
