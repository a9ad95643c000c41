using System.Collections.Concurrent;
using MockNrfCloud.Abstractions;

namespace MockNrfCloud.Queueing;

/// <summary>One FIFO queue of canned responses per API key. Thread-safe: each partition has its own lock,
/// so callers with different keys never wait for each other.</summary>
internal sealed class ResponseQueues
{
    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    public void Enqueue(string apiKey, QueuedResponse response)
    {
        var partition = _partitions.GetOrAdd(apiKey, _ => new Partition());
        lock (partition)
        {
            partition.Responses.Add(response);
        }
    }

    /// <summary>The response of <paramref name="apiKey"/> that answers the request (SPEC 4): the oldest matching one-shot
    /// response, which is removed; only when none matches, the newest matching kept response (as in WireMock, the latest
    /// stub wins), which stays.</summary>
    public QueuedResponse? TryTake(string apiKey, RecordedRequest request)
    {
        if (!_partitions.TryGetValue(apiKey, out var partition))
        {
            return null;
        }

        lock (partition)
        {
            var responses = partition.Responses;
            for (var i = 0; i < responses.Count; i++)
            {
                var candidate = responses[i];
                if (!candidate.Keep && candidate.Matches(request))
                {
                    responses.RemoveAt(i);
                    return candidate;
                }
            }

            for (var i = responses.Count - 1; i >= 0; i--)
            {
                var candidate = responses[i];
                if (candidate.Keep && candidate.Matches(request))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>What is queued for <paramref name="apiKey"/>, oldest first.</summary>
    public IReadOnlyList<QueuedResponse> Snapshot(string apiKey)
    {
        if (!_partitions.TryGetValue(apiKey, out var partition))
        {
            return [];
        }

        lock (partition)
        {
            return partition.Responses.ToList();
        }
    }

    /// <summary>Removes the queued responses of one key, or of every key when <paramref name="apiKey"/> is null.</summary>
    public void Clear(string? apiKey)
    {
        // Partitions are emptied, never removed, so an Enqueue racing with Clear cannot add to a detached partition.
        var partitions = apiKey is null
            ? _partitions.Values.ToList()
            : _partitions.TryGetValue(apiKey, out var one) ? [one] : [];
        foreach (var partition in partitions)
        {
            lock (partition)
            {
                partition.Responses.Clear();
            }
        }
    }

    private sealed class Partition
    {
        public List<QueuedResponse> Responses { get; } = [];
    }
}
