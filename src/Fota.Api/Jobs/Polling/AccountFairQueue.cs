namespace Fota.Api.Jobs.Polling;

/// <summary>
/// The poller's ready queue: claimed jobs wait here per account, and a slot takes the next one from the account with the
/// fewest polls running, never from an account that already runs <c>perAccount</c> polls. So one account's slow or
/// failing calls hold at most its share of the slots, and another account's job starts in a free slot at once.
/// </summary>
internal sealed class AccountFairQueue<T>(int perAccount, Func<T, string> accountOf)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<T>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>Jobs a free slot could start now: per account, the waiting ones up to its remaining share.</summary>
    public int Startable
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Sum(pair => Math.Min(pair.Value.Count, perAccount - Running(pair.Key)));
            }
        }
    }

    public void Enqueue(T item)
    {
        lock (_lock)
        {
            var account = accountOf(item);
            if (!_waiting.TryGetValue(account, out var queue))
            {
                _waiting[account] = queue = new Queue<T>();
            }

            queue.Enqueue(item);
        }
    }

    /// <summary>Takes the next job a slot may start and counts it as running until <see cref="Finished"/>.</summary>
    public bool TryStart(out T item)
    {
        lock (_lock)
        {
            string? chosen = null;
            foreach (var account in _waiting.Keys)
            {
                var running = Running(account);
                if (running < perAccount && (chosen is null || running < Running(chosen)))
                {
                    chosen = account;
                }
            }

            if (chosen is null)
            {
                item = default!;
                return false;
            }

            var queue = _waiting[chosen];
            item = queue.Dequeue();
            if (queue.Count == 0)
            {
                _waiting.Remove(chosen);
            }

            _running[chosen] = Running(chosen) + 1;
            return true;
        }
    }

    /// <summary>A job <see cref="TryStart"/> gave out has been polled: its account's slot is free.</summary>
    public void Finished(T item)
    {
        lock (_lock)
        {
            var account = accountOf(item);
            var left = Running(account) - 1;
            if (left > 0)
            {
                _running[account] = left;
            }
            else
            {
                _running.Remove(account);
            }
        }
    }

    /// <summary>The accounts with at least <paramref name="share"/> jobs waiting or running: a claim leaves them out.</summary>
    public IReadOnlyList<string> AccountsHolding(int share)
    {
        lock (_lock)
        {
            return [.. _waiting.Where(pair => pair.Value.Count + Running(pair.Key) >= share).Select(pair => pair.Key)];
        }
    }

    /// <summary>Takes every waiting job, startable or not (a stopping poller gives them back).</summary>
    public IReadOnlyList<T> TakeAllWaiting()
    {
        lock (_lock)
        {
            var all = _waiting.Values.SelectMany(queue => queue).ToList();
            _waiting.Clear();
            return all;
        }
    }

    private int Running(string account) => _running.GetValueOrDefault(account);
}
