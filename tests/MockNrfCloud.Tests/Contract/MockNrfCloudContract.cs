using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MockNrfCloud.Abstractions;
using MockNrfCloud.Tests.Support;

namespace MockNrfCloud.Tests.Contract;

/// <summary>
/// What every <see cref="IMockNrfCloud"/> implementation must do, run once per implementation (see the derived classes).
/// Each test uses fresh API keys, so tests share one server; tests that clear everything or need other options start
/// a dedicated one.
/// </summary>
public abstract class MockNrfCloudContract(MockUnderTest shared)
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;

    protected IMockNrfCloud Mock => shared.Mock;

    protected abstract MockUnderTest CreateDedicated(MockOptions options);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Ok(string body) => $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{body}";

    [Fact]
    public async Task Queued_responses_answer_once_each_oldest_first()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"n\":1}"), cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"n\":2}"), cancellationToken: Ct);

        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Should().Be((200, "{\"n\":1}"));
        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Should().Be((200, "{\"n\":2}"));
        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Status.Should().Be(404, "both one-shot responses are used up");
    }

    [Fact]
    public async Task A_kept_response_answers_every_match_until_removed()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"once\":true}"), cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"kept\":true}"), keep: true, cancellationToken: Ct);

        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Body.Should().Be("{\"once\":true}", "the older one-shot response comes first");
        for (var i = 0; i < 3; i++)
        {
            (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Body.Should().Be("{\"kept\":true}");
        }

        await Mock.ClearResponsesAsync(key, Ct);
        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Status.Should().Be(404);
    }

    [Fact]
    public async Task A_one_shot_response_answers_before_an_older_kept_one()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "GET /v1/devices", Ok("{\"kept\":true}"), keep: true, cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/devices", Ok("{\"fault\":true}"), cancellationToken: Ct);

        (await shared.CallForTextAsync(key, Get, "/v1/devices")).Body.Should().Be("{\"fault\":true}", "a one-shot response answers first, whatever kept ones are older");
        (await shared.CallForTextAsync(key, Get, "/v1/devices")).Body.Should().Be("{\"kept\":true}", "then the kept one answers again");
    }

    [Fact]
    public async Task A_later_kept_response_replaces_an_earlier_one()
    {
        var key = MockUnderTest.NewApiKey();
        var first = await Mock.QueueResponseAsync(key, "GET /v1/devices?deviceIds=d1", Ok("{\"appVersion\":\"1.0.0\"}"), keep: true, cancellationToken: Ct);
        (await shared.CallForTextAsync(key, Get, "/v1/devices?deviceIds=d1")).Body.Should().Be("{\"appVersion\":\"1.0.0\"}");

        var second = await Mock.QueueResponseAsync(key, "GET /v1/devices", Ok("{\"appVersion\":\"1.1.0\"}"), keep: true, cancellationToken: Ct);
        (await shared.CallForTextAsync(key, Get, "/v1/devices?deviceIds=d1")).Body.Should().Be("{\"appVersion\":\"1.1.0\"}", "the newest matching kept response wins (as WireMock's latest stub)");
        (await shared.CallForTextAsync(key, Get, "/v1/devices?deviceIds=d1")).Body.Should().Be("{\"appVersion\":\"1.1.0\"}", "and keeps answering");

        var journal = await Mock.GetRequestsAsync(new RequestFilter(key), Ct);
        journal.Select(r => r.ResponseId).Should().Equal(first, second, second);
    }

    [Fact]
    public async Task One_shot_responses_answer_oldest_first_around_kept_ones_then_the_newest_kept_one()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"kept\":1}"), keep: true, cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"once\":1}"), cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"kept\":2}"), keep: true, cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/j1", Ok("{\"once\":2}"), cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/other", Ok("{\"kept\":3}"), keep: true, cancellationToken: Ct);

        var bodies = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            bodies.Add((await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1")).Body);
        }

        bodies.Should().Equal("{\"once\":1}", "{\"once\":2}", "{\"kept\":2}", "{\"kept\":2}");
    }

    [Fact]
    public async Task Queued_query_parameters_must_be_a_subset_of_the_request_query()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs?deviceId=d1&pageLimit=10", Ok("{}"), keep: true, cancellationToken: Ct);

        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs?pageLimit=10&x=y&deviceId=d1")).Status.Should().Be(200, "extra parameters and order do not matter");
        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs?deviceId=d1")).Status.Should().Be(404, "pageLimit is missing");
        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs?deviceId=d2&pageLimit=10")).Status.Should().Be(404, "deviceId differs");
        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs")).Status.Should().Be(404);
    }

    [Fact]
    public async Task A_query_value_written_as_slash_regex_slash_matches_as_a_regex()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, @"GET /v1/items?after=/^\d+$/", Ok("{}"), keep: true, cancellationToken: Ct);

        (await shared.CallForTextAsync(key, Get, "/v1/items?after=12345")).Status.Should().Be(200);
        (await shared.CallForTextAsync(key, Get, "/v1/items?after=12a45")).Status.Should().Be(404);
        (await shared.CallForTextAsync(key, Get, "/v1/items?before=1")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Method_and_path_must_match_exactly()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "POST /v1/fota-jobs", Ok("{\"jobId\":\"j\"}"), keep: true, cancellationToken: Ct);

        (await shared.CallForTextAsync(key, Get, "/v1/fota-jobs")).Status.Should().Be(404, "the method differs");
        (await shared.CallForTextAsync(key, Post, "/v1/fota-jobs/x", "{}")).Status.Should().Be(404, "the path is longer");
        (await shared.CallForTextAsync(key, Post, "/v1/fota-job", "{}")).Status.Should().Be(404, "the path is shorter");
        (await shared.CallForTextAsync(key, Post, "/v1/fota-jobs", "{}")).Status.Should().Be(200);
    }

    [Fact]
    public async Task Partitions_by_API_key_isolate_queues_and_journals()
    {
        var owner = MockUnderTest.NewApiKey();
        var stranger = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(owner, "GET /v1/account", Ok("{\"mine\":true}"), cancellationToken: Ct);

        (await shared.CallForTextAsync(stranger, Get, "/v1/account")).Status.Should().Be(404, "another key's response is invisible");
        (await shared.CallForTextAsync(owner, Get, "/v1/account")).Should().Be((200, "{\"mine\":true}"));

        (await Mock.GetRequestsAsync(new RequestFilter(owner), Ct)).Should().ContainSingle().Which.ResponseId.Should().NotBeNull();
        (await Mock.GetRequestsAsync(new RequestFilter(stranger), Ct)).Should().ContainSingle().Which.ResponseId.Should().BeNull();
    }

    [Fact]
    public async Task Requests_without_a_bearer_key_use_the_anonymous_partition()
    {
        await using var dedicated = CreateDedicated(new MockOptions());
        await dedicated.Mock.QueueResponseAsync(ApiKeyPartition.Anonymous, "GET /v1/anon", Ok("{}"), cancellationToken: Ct);

        (await dedicated.CallForTextAsync(null, Get, "/v1/anon")).Status.Should().Be(200);
        (await dedicated.Mock.GetRequestsAsync(new RequestFilter(ApiKeyPartition.Anonymous), Ct)).Should().ContainSingle();
    }

    [Fact]
    public async Task Without_a_match_the_404_names_the_request_the_masked_key_and_what_is_queued()
    {
        var key = MockUnderTest.NewApiKey();
        var id = await Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/other?x=/y/", Ok("{}"), keep: true, cancellationToken: Ct);

        using var response = await shared.CallAsync(key, Get, "/v1/fota-jobs/j9?x=1");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = body.RootElement;
        root.GetProperty("request").GetString().Should().Be("GET /v1/fota-jobs/j9?x=1");
        root.GetProperty("apiKey").GetString().Should().Be(new string('*', key.Length - 4) + key[^4..]);
        root.GetProperty("error").GetString().Should().Contain("GET /v1/fota-jobs/j9?x=1").And.Contain(key[^4..]).And.NotContain(key);
        var queued = root.GetProperty("queued").EnumerateArray().Should().ContainSingle().Subject;
        queued.GetProperty("id").GetString().Should().Be(id);
        queued.GetProperty("request").GetString().Should().Be("GET /v1/fota-jobs/other?x=/y/");
        queued.GetProperty("keep").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task The_raw_response_is_served_with_its_status_reason_headers_and_a_computed_length()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(
            key,
            "GET /v1/thing",
            "HTTP/1.1 429 Slow Down\nRetry-After: 7\nContent-Type: application/json\nContent-Length: 999\nX-Multi: a\nX-Multi: b\n\n{\"é\":1}",
            cancellationToken: Ct);

        using var response = await shared.CallAsync(key, Get, "/v1/thing");

        ((int)response.StatusCode).Should().Be(429);
        response.ReasonPhrase.Should().Be("Slow Down");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        response.Headers.GetValues("X-Multi").Should().Equal("a", "b");
        response.Content.Headers.ContentLength.Should().Be(8, "the mock computes the UTF-8 length and ignores the given 999");
        (await response.Content.ReadAsStringAsync(Ct)).Should().Be("{\"é\":1}");
    }

    [Fact]
    public async Task A_response_without_body_is_served_empty()
    {
        var key = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(key, "DELETE /v1/fota-jobs/j1", "HTTP/1.1 204 No Content\n\n", cancellationToken: Ct);

        using var response = await shared.CallAsync(key, HttpMethod.Delete, "/v1/fota-jobs/j1");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync(Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_delayed_response_is_answered_after_its_delay_without_the_directive()
    {
        var key = MockUnderTest.NewApiKey();
        var id = await Mock.QueueResponseAsync(key, "POST /v1/fota-jobs", "HTTP/1.1 201 Created\nContent-Type: application/json\nX-Mock-Delay: 1500ms\n\n{\"jobId\":\"late\"}", cancellationToken: Ct);

        var watch = Stopwatch.StartNew();
        using var response = await shared.CallAsync(key, Post, "/v1/fota-jobs", "{}");
        watch.Stop();

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync(Ct)).Should().Be("{\"jobId\":\"late\"}");
        response.Headers.Concat(response.Content.Headers).Should().NotContain(h => h.Key.StartsWith("X-Mock-", StringComparison.OrdinalIgnoreCase), "directives are for the mock, not the caller");
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1400), "the answer waits for its delay (less a timer's granularity)");
        (await Mock.GetRequestsAsync(new RequestFilter(key), Ct)).Should().ContainSingle().Which.ResponseId.Should().Be(id);
    }

    [Fact]
    public async Task A_delayed_request_is_recorded_at_once_and_holds_back_no_other_request()
    {
        var slowKey = MockUnderTest.NewApiKey();
        var otherKey = MockUnderTest.NewApiKey();
        var slowId = await Mock.QueueResponseAsync(slowKey, "GET /v1/slow", "HTTP/1.1 200 OK\nX-Mock-Delay: 600s\n\n", cancellationToken: Ct);
        await Mock.QueueResponseAsync(slowKey, "GET /v1/fast", Ok("{\"key\":\"slow\"}"), cancellationToken: Ct);
        await Mock.QueueResponseAsync(otherKey, "GET /v1/slow", Ok("{\"key\":\"other\"}"), cancellationToken: Ct);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        using var slowRequest = new HttpRequestMessage(Get, "/v1/slow") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", slowKey) } };
        var slow = shared.Http.SendAsync(slowRequest, giveUp.Token);
        var recorded = await Mock.WaitForRequestAsync(new RequestFilter(slowKey, "GET", "/v1/slow"), TimeSpan.FromSeconds(30), Ct);

        recorded.Should().NotBeNull("the request is recorded before its answer is delayed");
        recorded!.ResponseId.Should().Be(slowId);
        (await shared.CallForTextAsync(slowKey, Get, "/v1/fast")).Should().Be((200, "{\"key\":\"slow\"}"), "the same key's other requests are answered meanwhile");
        (await shared.CallForTextAsync(otherKey, Get, "/v1/slow")).Should().Be((200, "{\"key\":\"other\"}"), "other keys are answered meanwhile");
        slow.IsCompleted.Should().BeFalse("its answer is 10 minutes away");

        await giveUp.CancelAsync();
        await FluentActions.Awaiting(() => slow).Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("X-Mock-Delay: 300ms\n")]
    public async Task A_dropped_response_closes_the_connection_without_an_answer_after_recording_the_request(string delay)
    {
        var key = MockUnderTest.NewApiKey();
        var id = await Mock.QueueResponseAsync(key, "POST /v1/fota-jobs", $"HTTP/1.1 200 OK\nContent-Type: application/json\n{delay}X-Mock-Drop: true\n\n{{\"jobId\":\"never\"}}", cancellationToken: Ct);
        await Mock.QueueResponseAsync(key, "POST /v1/fota-jobs", Ok("{\"jobId\":\"next\"}"), cancellationToken: Ct);

        var call = () => shared.CallAsync(key, Post, "/v1/fota-jobs", "{\"n\":1}");

        await call.Should().ThrowAsync<HttpRequestException>("the connection is closed before any answer");
        var recorded = (await Mock.GetRequestsAsync(new RequestFilter(key), Ct)).Should().ContainSingle().Subject;
        recorded.ResponseId.Should().Be(id);
        recorded.Body.Should().Be("{\"n\":1}");
        (await shared.CallForTextAsync(key, Post, "/v1/fota-jobs", "{}")).Should().Be((200, "{\"jobId\":\"next\"}"), "the mock goes on answering");
    }

    [Fact]
    public async Task The_journal_records_time_method_path_query_headers_body_and_the_answering_response()
    {
        var key = MockUnderTest.NewApiKey();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var id = await Mock.QueueResponseAsync(key, "POST /v1/fota-jobs", Ok("{\"jobId\":\"j\"}"), cancellationToken: Ct);

        await shared.CallForTextAsync(key, Post, "/v1/fota-jobs?trace=1", "{\"bundleId\":\"b\"}");
        await shared.CallForTextAsync(key, Get, "/v1/unqueued");

        var requests = await Mock.GetRequestsAsync(new RequestFilter(key), Ct);
        requests.Should().HaveCount(2);
        var first = requests[0];
        first.Method.Should().Be("POST");
        first.Path.Should().Be("/v1/fota-jobs");
        first.Query.Should().Be("trace=1");
        first.Body.Should().Be("{\"bundleId\":\"b\"}");
        first.Headers["authorization"].Should().Be($"Bearer {key}", "header names are case-insensitive");
        first.Headers["Content-Type"].Should().StartWith("application/json");
        first.ResponseId.Should().Be(id);
        first.Time.Should().BeAfter(before).And.BeOnOrBefore(requests[1].Time);
        requests[1].Path.Should().Be("/v1/unqueued");
        requests[1].ResponseId.Should().BeNull("nothing answered it");
    }

    [Fact]
    public async Task The_journal_filters_by_method_and_path()
    {
        var key = MockUnderTest.NewApiKey();
        await shared.CallForTextAsync(key, Get, "/v1/a");
        await shared.CallForTextAsync(key, Post, "/v1/a", "{}");
        await shared.CallForTextAsync(key, Get, "/v1/b");

        (await Mock.GetRequestsAsync(new RequestFilter(key, "GET"), Ct)).Select(r => r.Path).Should().Equal("/v1/a", "/v1/b");
        (await Mock.GetRequestsAsync(new RequestFilter(key, null, "/v1/a"), Ct)).Select(r => r.Method).Should().Equal("GET", "POST");
        (await Mock.GetRequestsAsync(new RequestFilter(key, "POST", "/v1/b"), Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task Waiting_returns_a_request_that_arrives_while_waiting()
    {
        var key = MockUnderTest.NewApiKey();
        var wait = Mock.WaitForRequestAsync(new RequestFilter(key, "GET", "/v1/fota-jobs/late"), TimeSpan.FromSeconds(30), Ct);

        await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/other");
        wait.IsCompleted.Should().BeFalse("no matching request was sent yet");
        await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/late");

        var found = await wait;
        found.Should().NotBeNull();
        found!.Path.Should().Be("/v1/fota-jobs/late");
    }

    [Fact]
    public async Task Waiting_finds_a_request_recorded_before_the_call()
    {
        var key = MockUnderTest.NewApiKey();
        await shared.CallForTextAsync(key, Get, "/v1/early?n=1");
        await shared.CallForTextAsync(key, Get, "/v1/early?n=2");

        var found = await Mock.WaitForRequestAsync(new RequestFilter(key, null, "/v1/early"), TimeSpan.FromSeconds(30), Ct);

        found!.Query.Should().Be("n=1", "the first matching request is the answer");
    }

    [Fact]
    public async Task Waiting_gives_up_with_null_when_nothing_matching_arrives()
    {
        var key = MockUnderTest.NewApiKey();
        await shared.CallForTextAsync(key, Get, "/v1/something-else");

        var found = await Mock.WaitForRequestAsync(new RequestFilter(key, null, "/v1/never"), TimeSpan.FromMilliseconds(50), Ct);

        found.Should().BeNull();
    }

    [Fact]
    public async Task Matching_answers_the_match_the_nearest_misses_with_their_differences_and_everything_recorded_in_one_call()
    {
        var key = MockUnderTest.NewApiKey();
        var other = MockUnderTest.NewApiKey();
        await shared.CallForTextAsync(key, Post, "/v1/fota-jobs", "{\"bundleId\":\"a\"}");
        await shared.CallForTextAsync(key, Get, "/v1/fota-jobs/j1");
        await shared.CallForTextAsync(other, Post, "/v1/fota-jobs", "{\"bundleId\":\"b\"}");
        const string expected = "POST /v1/fota-jobs HTTP/1.1\nContent-Type: application/json; charset=utf-8\n\n{\"bundleId\": \"b\"}";

        var miss = await Mock.MatchRequestAsync([key], expected, TimeSpan.Zero, Ct);
        miss.Match.Should().BeNull("only the other key sent bundle b");
        miss.NearestMisses.Should().ContainSingle().Which.Differences.Should().Contain("body $.bundleId: expected \"b\" but was \"a\"");
        miss.Recorded.Select(r => r.Method + " " + r.Path).Should().Equal("POST /v1/fota-jobs", "GET /v1/fota-jobs/j1");

        var hit = await Mock.MatchRequestAsync([key, other], expected, TimeSpan.Zero, Ct);
        hit.Match!.Body.Should().Be("{\"bundleId\":\"b\"}");
        hit.Match.Headers["content-type"].Should().StartWith("application/json", "header names are case-insensitive");
        hit.NearestMisses.Should().ContainSingle().Which.Request.Body.Should().Be("{\"bundleId\":\"a\"}");
        hit.Recorded.Should().HaveCount(3);
    }

    [Fact]
    public async Task Matching_waits_for_a_matching_request_that_arrives_while_waiting()
    {
        var key = MockUnderTest.NewApiKey();
        var match = Mock.MatchRequestAsync([key], "GET /v1/fota-jobs?n=2 HTTP/1.1", TimeSpan.FromSeconds(30), Ct);

        await shared.CallForTextAsync(key, Get, "/v1/fota-jobs?n=1");
        match.IsCompleted.Should().BeFalse("the query differs (set equality)");
        await shared.CallForTextAsync(key, Get, "/v1/fota-jobs?n=2");

        var result = await match;
        result.Match!.Query.Should().Be("n=2");
        result.NearestMisses.Should().ContainSingle().Which.Differences.Should().Equal("query: expected {n=2} but was {n=1}");
    }

    [Theory]
    [InlineData("k", "GET /v1/x HTTP/1.1", -5, "timeout")]
    [InlineData("k", "not a request line", 0, "expectedRequest")]
    [InlineData("k", "POST /v1/x HTTP/1.1\nContent-Type: application/json\n\n{oops", 0, "expectedRequest")]
    [InlineData("", "GET /v1/x HTTP/1.1", 0, "apiKeys")]
    public async Task Matching_refuses_bad_input_naming_the_parameter(string apiKey, string expected, int timeoutMs, string param)
    {
        string[] keys = apiKey.Length == 0 ? [] : [apiKey];
        var match = () => Mock.MatchRequestAsync(keys, expected, TimeSpan.FromMilliseconds(timeoutMs), Ct);

        (await match.Should().ThrowAsync<MockNrfCloudInputException>()).Which.ParamName.Should().Be(param);
    }

    [Fact]
    public async Task A_negative_wait_is_refused_naming_the_timeout()
    {
        var wait = () => Mock.WaitForRequestAsync(new RequestFilter("k"), TimeSpan.FromMilliseconds(-5), Ct);

        (await wait.Should().ThrowAsync<MockNrfCloudInputException>()).Which.ParamName.Should().Be("timeout");
    }

    [Fact]
    public async Task Clearing_one_key_leaves_other_keys_alone()
    {
        var a = MockUnderTest.NewApiKey();
        var b = MockUnderTest.NewApiKey();
        await Mock.QueueResponseAsync(a, "GET /v1/x", Ok("{}"), keep: true, cancellationToken: Ct);
        await Mock.QueueResponseAsync(b, "GET /v1/x", Ok("{}"), keep: true, cancellationToken: Ct);
        await shared.CallForTextAsync(a, Get, "/v1/x");
        await shared.CallForTextAsync(b, Get, "/v1/x");

        await Mock.ClearResponsesAsync(a, Ct);
        await Mock.ClearRequestsAsync(a, Ct);

        (await Mock.GetRequestsAsync(new RequestFilter(a), Ct)).Should().BeEmpty();
        (await Mock.GetRequestsAsync(new RequestFilter(b), Ct)).Should().ContainSingle();
        (await shared.CallForTextAsync(a, Get, "/v1/x")).Status.Should().Be(404);
        (await shared.CallForTextAsync(b, Get, "/v1/x")).Status.Should().Be(200);
    }

    [Fact]
    public async Task Clearing_without_a_key_clears_everything()
    {
        await using var dedicated = CreateDedicated(new MockOptions());
        var (a, b) = (MockUnderTest.NewApiKey(), MockUnderTest.NewApiKey());
        await dedicated.Mock.QueueResponseAsync(a, "GET /v1/x", Ok("{}"), keep: true, cancellationToken: Ct);
        await dedicated.Mock.QueueResponseAsync(b, "GET /v1/x", Ok("{}"), keep: true, cancellationToken: Ct);
        await dedicated.CallForTextAsync(a, Get, "/v1/x");

        await dedicated.Mock.ClearResponsesAsync(cancellationToken: Ct);
        await dedicated.Mock.ClearRequestsAsync(cancellationToken: Ct);

        (await dedicated.Mock.GetRequestsAsync(new RequestFilter(), Ct)).Should().BeEmpty();
        (await dedicated.CallForTextAsync(b, Get, "/v1/x")).Status.Should().Be(404);
    }

    [Fact]
    public async Task The_journal_keeps_the_newest_requests_up_to_its_limit()
    {
        await using var dedicated = CreateDedicated(new MockOptions { JournalLimit = 3 });
        var key = MockUnderTest.NewApiKey();
        for (var i = 1; i <= 5; i++)
        {
            await dedicated.CallForTextAsync(key, Get, $"/v1/r{i}");
        }

        (await dedicated.Mock.GetRequestsAsync(new RequestFilter(key), Ct)).Select(r => r.Path).Should().Equal("/v1/r3", "/v1/r4", "/v1/r5");
    }

    [Theory]
    [InlineData("", "request", "required")]
    [InlineData("GET", "request", "Line 1")]
    [InlineData("GET fota-jobs", "request", "must start with '/'")]
    [InlineData("GET /v1/x?a=/(/", "request", "not a valid regex")]
    public async Task An_unparsable_request_line_is_refused_naming_the_field(string request, string param, string problem)
    {
        var queue = () => Mock.QueueResponseAsync(MockUnderTest.NewApiKey(), request, Ok("{}"), cancellationToken: Ct);

        var error = (await queue.Should().ThrowAsync<MockNrfCloudInputException>()).Which;
        error.ParamName.Should().Be(param);
        error.Problem.Should().Contain(problem);
    }

    [Theory]
    [InlineData("OK 200", "Line 1", "status line")]
    [InlineData("HTTP/1.1 200 OK\nContent-Type application/json\n\n{}", "Line 2", "has no ':'")]
    [InlineData("HTTP/1.1 204 No Content\n\n{}", "204", "cannot have a body")]
    [InlineData("HTTP/1.1 200 OK\nX-Mock-Delay: soon\n\n", "Line 2", "X-Mock-Delay 'soon' is not a delay")]
    [InlineData("HTTP/1.1 200 OK\nX-Mock-Delay: 11m\n\n", "Line 2", "e.g. '3000ms' or '3s'")]
    [InlineData("HTTP/1.1 200 OK\nX-Mock-Drop: maybe\n\n", "Line 2", "X-Mock-Drop 'maybe' is not 'true' or 'false'")]
    [InlineData("HTTP/1.1 200 OK\nX-Mock-Wait: 1s\n\n", "Line 2", "'X-Mock-Wait' is not a mock directive")]
    public async Task An_unparsable_raw_response_is_refused_naming_line_and_problem(string raw, string line, string problem)
    {
        var queue = () => Mock.QueueResponseAsync(MockUnderTest.NewApiKey(), "GET /v1/x", raw, cancellationToken: Ct);

        var error = (await queue.Should().ThrowAsync<MockNrfCloudInputException>()).Which;
        error.ParamName.Should().Be("rawResponse");
        error.Problem.Should().Contain(line).And.Contain(problem);
    }

    [Fact]
    public async Task Queueing_needs_an_API_key()
    {
        var queue = () => Mock.QueueResponseAsync(" ", "GET /v1/x", Ok("{}"), cancellationToken: Ct);

        (await queue.Should().ThrowAsync<MockNrfCloudInputException>()).Which.ParamName.Should().Be("apiKey");
    }

    [Fact]
    public async Task Thirty_two_callers_queueing_and_consuming_in_parallel_each_get_exactly_their_own_responses_in_order()
    {
        const int callers = 32;
        const int perCaller = 20;
        const int ahead = 5;
        await using var dedicated = CreateDedicated(new MockOptions());
        var keys = Enumerable.Range(0, callers).Select(_ => MockUnderTest.NewApiKey()).ToList();

        async Task<(List<string> Ids, List<string> Bodies)> CallerAsync(string key)
        {
            var ids = new List<string>();
            var bodies = new List<string>();
            async Task QueueAsync(int n) => ids.Add(await dedicated.Mock.QueueResponseAsync(key, "GET /v1/fota-jobs/job", Ok($"{{\"key\":\"{key}\",\"n\":{n}}}"), cancellationToken: Ct));
            for (var n = 0; n < ahead; n++)
            {
                await QueueAsync(n);
            }

            for (var n = 0; n < perCaller; n++)
            {
                var (status, body) = await dedicated.CallForTextAsync(key, Get, "/v1/fota-jobs/job");
                status.Should().Be(200, $"caller {key} request {n} should find a queued response");
                bodies.Add(body);
                if (n + ahead < perCaller)
                {
                    await QueueAsync(n + ahead);
                }
            }

            return (ids, bodies);
        }

        var results = await Task.WhenAll(keys.Select(key => Task.Run(() => CallerAsync(key), Ct)));

        var all = await dedicated.Mock.GetRequestsAsync(new RequestFilter(), Ct);
        all.Should().HaveCount(callers * perCaller, "no request may be lost");
        for (var c = 0; c < callers; c++)
        {
            var key = keys[c];
            results[c].Bodies.Should().Equal(Enumerable.Range(0, perCaller).Select(n => $"{{\"key\":\"{key}\",\"n\":{n}}}"), "each caller gets its own responses, in queue order");
            var journal = await dedicated.Mock.GetRequestsAsync(new RequestFilter(key), Ct);
            journal.Select(r => r.ResponseId).Should().Equal(results[c].Ids, "the journal names the answering responses in order");
            journal.Should().OnlyContain(r => r.Headers["Authorization"] == $"Bearer {key}");
        }
    }
}

public sealed class InProcessMockNrfCloudContractTests(InProcessMockFixture fixture)
    : MockNrfCloudContract(fixture.Mock), IClassFixture<InProcessMockFixture>
{
    protected override MockUnderTest CreateDedicated(MockOptions options) => MockUnderTest.InProcess(options);
}

public sealed class HttpMockNrfCloudContractTests(HttpMockFixture fixture)
    : MockNrfCloudContract(fixture.Mock), IClassFixture<HttpMockFixture>
{
    protected override MockUnderTest CreateDedicated(MockOptions options) => MockUnderTest.OverHttp(options);
}
