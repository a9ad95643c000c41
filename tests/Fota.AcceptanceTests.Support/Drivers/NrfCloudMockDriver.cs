using System.Globalization;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.AcceptanceTests.Support.Matching;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Abstractions.Matching;
using MockNrfCloud.Abstractions.Parsing;
using Reqnroll;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>
/// The scenario's view of the mock nRF Cloud: queues responses for the scenario's API keys and checks
/// what the service sent with them. A response queued before a key exists is queued for it when
/// it is created (<c>ApiKeyHooks</c> in the acceptance project), so "queued for this scenario" holds for every account the scenario uses.
/// </summary>
public sealed class NrfCloudMockDriver(IFotaHost host, ScenarioAccounts accounts, ScenarioQueuedResponses queued, IReqnrollOutputHelper output, StepRetry? retry = null)
{
    /// <summary>
    /// Queues nRF Cloud's device list answer (§3.5), kept, for every <c>GET /v1/devices</c> whose <c>deviceIds</c> list holds
    /// the device; a later one replaces it (the mock's newest kept answer wins, SPEC 4).
    /// </summary>
    public Task QueueDeviceShadowAsync(string deviceId, string jsonBody) =>
        QueueAsync(DeviceListRequest(deviceId), $"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{jsonBody}", keep: true);

    /// <summary>The queue key of §3.5's call for one device: its id anywhere in the comma-separated <c>deviceIds</c> (a <c>/regex/</c> value, SPEC 4).</summary>
    public static string DeviceListRequest(string deviceId) => $"GET /v1/devices?deviceIds=/(^|,){System.Text.RegularExpressions.Regex.Escape(deviceId)}(,|$)/";

    public Task QueueAsync(string request, string rawResponse, bool keep) =>
        ScenarioMockState.QueueAsync(host.Mock, accounts, queued, new QueuedNrfCloudResponse(request.Trim(), rawResponse, keep));

    /// <summary>
    /// SPEC 5.4. One mock call per attempt: the mock matches the expected request against the scenario's keys' requests
    /// (with <paramref name="soon"/> it waits server-side for the rest of the budget) and answers with the match, the
    /// nearest misses and everything recorded, which the failure message shows.
    /// </summary>
    public async Task AssertCalledWithAsync(string rawRequest, bool soon, Func<ApiResponse?> lastServiceResponse)
    {
        ArgumentNullException.ThrowIfNull(lastServiceResponse);
        var expected = RequestMatcher.ParseCalledWith(rawRequest);
        EnsureKeys();
        var retrier = new Retrier(retry?.For(host.Retry) ?? host.Retry, output.WriteLine);
        await retrier.RunAsync($"called with {expected.Target}", RetryPlan.ForMock(soon), async (_, startedAt) =>
        {
            var wait = soon ? retrier.Remaining(startedAt) : TimeSpan.Zero;
            var result = await host.Mock.MatchRequestAsync(accounts.ApiKeys.ToList(), rawRequest, wait).ConfigureAwait(false);
            if (result.Match is null)
            {
                throw new StepFailedException(RecordedRequests.ExplainMismatch(expected.Target, result, host.AccountApiEndpoint, soon ? host.Retry.Budget : TimeSpan.Zero, lastServiceResponse()));
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The number of <paramref name="request"/> (<c>METHOD /path</c>) requests recorded for the scenario is at least (or exactly) <paramref name="count"/>.</summary>
    public async Task AssertRequestCountAsync(string request, int count, bool exactly, bool soon)
    {
        var target = Target(request);
        EnsureKeys();
        var retrier = new Retrier(retry?.For(host.Retry) ?? host.Retry, output.WriteLine);
        await retrier.RunAsync($"{(exactly ? "exactly" : "at least")} {count} {target} request(s)", RetryPlan.ForMock(soon), async (_, _) =>
        {
            var recorded = await RecordedAsync().ConfigureAwait(false);
            var matching = recorded.Count(target.Matches);
            if (exactly ? matching != count : matching < count)
            {
                throw new StepFailedException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected {(exactly ? "exactly" : "at least")} {count} {target} request(s) at the mock nRF Cloud for this scenario but there were {matching}.{Environment.NewLine}")
                    + RecordedRequests.List(recorded));
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// No further <paramref name="request"/> (<c>METHOD /path</c>) request reaches the mock for the scenario during
    /// <paramref name="window"/>, counted from the requests recorded when the step starts. The one check that watches a
    /// window instead of polling for an outcome: "nothing more happens" has no event to wait for. A correct service can
    /// never fail it; a slow box can only make it miss a request that would have come after the window.
    /// </summary>
    public async Task AssertNoMoreRequestsAsync(string request, TimeSpan window)
    {
        var target = Target(request);
        EnsureKeys();
        var before = (await RecordedAsync().ConfigureAwait(false)).Count(target.Matches);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var recorded = await RecordedAsync().ConfigureAwait(false);
            var now = recorded.Count(target.Matches);
            if (now > before)
            {
                throw new StepFailedException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected no more {target} requests at the mock nRF Cloud for this scenario during {window.TotalSeconds:0.#} s, but after {before} there were {now} within {watch.ElapsedMilliseconds} ms.{Environment.NewLine}")
                    + RecordedRequests.List(recorded));
            }

            var left = window - watch.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left < WindowPoll ? left : WindowPoll).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How long a request the service sent, or had decided to send, before a step began may take to reach the mock: a
    /// background read claimed just before the job ended, say (§3.5).
    /// </summary>
    public static readonly TimeSpan OnTheirWay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <see cref="AssertNoMoreRequestsAsync(string, TimeSpan)"/> from <paramref name="onTheirWay"/> after the step starts: the
    /// requests that arrive before then are ones already on their way.
    /// </summary>
    public async Task AssertNoMoreRequestsAsync(string request, TimeSpan window, TimeSpan onTheirWay)
    {
        await Task.Delay(onTheirWay).ConfigureAwait(false);
        await AssertNoMoreRequestsAsync(request, window).ConfigureAwait(false);
    }

    /// <summary>The intervals between the recorded <paramref name="request"/> requests grow (see <see cref="PollIntervals"/>).</summary>
    public Task AssertGrowingIntervalsAsync(string request) =>
        AssertTimesAsync(request, PollIntervals.GrowthProblem, "at growing intervals");

    /// <summary>The intervals between the recorded <paramref name="request"/> requests grow, doubling from at least <paramref name="firstWait"/> (see <see cref="PollIntervals.DoublingProblem"/>).</summary>
    public Task AssertDoublingIntervalsAsync(string request, TimeSpan firstWait) =>
        AssertTimesAsync(request, times => PollIntervals.DoublingProblem(times, firstWait), $"at intervals doubling from {firstWait.TotalMilliseconds:0} ms");

    /// <summary>How many <paramref name="request"/> (<c>METHOD /path</c>) requests the mock has recorded for the scenario.</summary>
    public async Task<int> CountRequestsAsync(string request)
    {
        var target = Target(request);
        EnsureKeys();
        return (await RecordedAsync().ConfigureAwait(false)).Count(target.Matches);
    }

    /// <summary>The recorded <paramref name="request"/> requests came <paramref name="firstWait"/> apart (see <see cref="PollIntervals.FirstWaitProblem"/>).</summary>
    public Task AssertFirstWaitAsync(string request, TimeSpan firstWait) =>
        AssertTimesAsync(request, times => PollIntervals.FirstWaitProblem(times, firstWait), $"{firstWait.TotalMilliseconds:0} ms apart");

    /// <summary>The times of the recorded <paramref name="request"/> requests pass <paramref name="problem"/> (null: they do), else the step fails naming <paramref name="expected"/>.</summary>
    private async Task AssertTimesAsync(string request, Func<IReadOnlyList<DateTimeOffset>, string?> problem, string expected)
    {
        var target = Target(request);
        EnsureKeys();
        var recorded = await RecordedAsync().ConfigureAwait(false);
        if (problem(recorded.Where(target.Matches).Select(r => r.Time).ToList()) is { } wrong)
        {
            throw new StepFailedException($"The {target} requests did not come {expected}: {wrong}{Environment.NewLine}{RecordedRequests.List(recorded)}");
        }
    }

    private static readonly TimeSpan WindowPoll = TimeSpan.FromMilliseconds(100);

    private static RequestTarget Target(string request)
    {
        var line = RequestLine.Parse(request.Trim());
        return line.Query.Length == 0
            ? new RequestTarget(line.Method, line.Path)
            : throw new FormatException($"'{request}' has a query; write the request as METHOD /path.");
    }

    private void EnsureKeys()
    {
        if (accounts.ApiKeys.Count == 0)
        {
            throw new InvalidOperationException("This scenario owns no nRF Cloud account yet, so nothing can have called nRF Cloud for it: register a device first.");
        }
    }

    private async Task<List<RecordedRequest>> RecordedAsync()
    {
        var all = new List<RecordedRequest>();
        foreach (var apiKey in accounts.ApiKeys)
        {
            all.AddRange(await host.Mock.GetRequestsAsync(new RequestFilter(ApiKey: apiKey)).ConfigureAwait(false));
        }

        return all.OrderBy(r => r.Time).ToList();
    }
}
