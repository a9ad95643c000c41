using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;

namespace MockNrfCloud.Journal;

/// <summary>
/// The bounded record of every nRF Cloud request (oldest dropped first), partitioned by API key through the filter.
/// One lock guards entries and waiters, so a request is either seen by a waiter's initial scan or signalled to it on
/// arrival, never missed in between. Waiters are completed outside the lock, asynchronously.
/// </summary>
internal sealed class RequestJournal(int limit)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _entries = new();
    private readonly List<Waiter> _waiters = [];

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The journal limit must be at least 1.");

    public void Record(string apiKey, RecordedRequest request)
    {
        List<Waiter>? answered = null;
        lock (_lock)
        {
            _entries.AddLast(new Entry(apiKey, request));
            while (_entries.Count > Limit)
            {
                _entries.RemoveFirst();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Matches(apiKey, request))
                {
                    (answered ??= []).Add(_waiters[i]);
                    _waiters.RemoveAt(i);
                }
            }
        }

        if (answered is not null)
        {
            foreach (var waiter in answered)
            {
                waiter.Answer.TrySetResult(request);
            }
        }
    }

    /// <summary>Recorded requests matching the filter, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Find(RequestFilter filter)
    {
        lock (_lock)
        {
            var query = new Query(filter);
            return _entries.Where(e => query.Matches(e.ApiKey, e.Request)).Select(e => e.Request).ToList();
        }
    }

    /// <summary>The oldest recorded request matching the filter, or the first one to arrive within <paramref name="timeout"/>; null when none.</summary>
    public async Task<RecordedRequest?> WaitAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var query = new Query(filter);
        Waiter waiter;
        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                if (query.Matches(entry.ApiKey, entry.Request))
                {
                    return entry.Request;
                }
            }

            if (timeout <= TimeSpan.Zero)
            {
                return null;
            }

            waiter = new Waiter(query);
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Answer.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A request may have arrived just as the time ran out: it still counts.
            return waiter.Answer.Task.IsCompletedSuccessfully ? waiter.Answer.Task.Result : null;
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Forgets the requests of one API key, or all when <paramref name="apiKey"/> is null.</summary>
    public void Clear(string? apiKey)
    {
        lock (_lock)
        {
            if (apiKey is null)
            {
                _entries.Clear();
                return;
            }

            var node = _entries.First;
            while (node is not null)
            {
                var next = node.Next;
                if (node.Value.ApiKey == apiKey)
                {
                    _entries.Remove(node);
                }

                node = next;
            }
        }
    }

    private sealed record Entry(string ApiKey, RecordedRequest Request);

    /// <summary>A filter as the journal applies it: the API key exactly (null = any), method and path by the one request matcher.</summary>
    private sealed class Query(RequestFilter filter)
    {
        private readonly RequestMatcher _matcher = RequestMatcher.ForFilter(filter);

        public bool Matches(string apiKey, RecordedRequest request) =>
            (filter.ApiKey is null || filter.ApiKey == apiKey) && _matcher.IsMatch(request);
    }

    private sealed class Waiter(Query query)
    {
        public bool Matches(string apiKey, RecordedRequest request) => query.Matches(apiKey, request);

        public TaskCompletionSource<RecordedRequest> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
