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
            var query = Query.Of(filter);
            return _entries.Where(e => query.Matches(e.ApiKey, e.Request)).Select(e => e.Request).ToList();
        }
    }

    /// <summary>The oldest recorded request matching the filter, or the first one to arrive within <paramref name="timeout"/>; null when none.</summary>
    public Task<RecordedRequest?> WaitAsync(RequestFilter filter, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(Query.Of(filter), timeout, cancellationToken);

    /// <summary>
    /// The oldest request of one of <paramref name="apiKeys"/> matching <paramref name="matcher"/>, or the first to arrive
    /// within <paramref name="timeout"/>; with the nearest misses (the keys' requests to the matcher's method and path,
    /// each with its differences) and everything recorded for the keys, oldest first.
    /// </summary>
    public async Task<RequestMatchResult> MatchAsync(IReadOnlyCollection<string> apiKeys, RequestMatcher matcher, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var keys = apiKeys.ToHashSet(StringComparer.Ordinal);
        var match = await WaitAsync(new Query(keys.Contains, matcher), timeout, cancellationToken).ConfigureAwait(false);
        List<RecordedRequest> recorded;
        lock (_lock)
        {
            recorded = _entries.Where(e => keys.Contains(e.ApiKey)).Select(e => e.Request).ToList();
        }

        var nearestMisses = recorded
            .Where(request => !ReferenceEquals(request, match) && matcher.Target.Matches(request))
            .Select(request => new NearMiss(request, matcher.Differences(request)))
            .Where(miss => miss.Differences.Count > 0)
            .ToList();
        return new RequestMatchResult(match, nearestMisses, recorded);
    }

    private async Task<RecordedRequest?> WaitAsync(Query query, TimeSpan timeout, CancellationToken cancellationToken)
    {
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

    /// <summary>What the journal looks for: requests of the keys <paramref name="key"/> accepts matching <paramref name="matcher"/>.</summary>
    private sealed class Query(Func<string, bool> key, RequestMatcher matcher)
    {
        /// <summary>A filter: the API key exactly (null = any), method and path by the one request matcher.</summary>
        public static Query Of(RequestFilter filter) =>
            new(apiKey => filter.ApiKey is null || filter.ApiKey == apiKey, RequestMatcher.ForFilter(filter));

        public bool Matches(string apiKey, RecordedRequest request) => key(apiKey) && matcher.IsMatch(request);
    }

    private sealed class Waiter(Query query)
    {
        public bool Matches(string apiKey, RecordedRequest request) => query.Matches(apiKey, request);

        public TaskCompletionSource<RecordedRequest> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
