using MockNrfCloud.Abstractions;
using MockNrfCloud.Journal;

namespace MockNrfCloud.Tests.Journal;

public class RequestJournalTests
{
    private static RecordedRequest Request(string path, string method = "GET") =>
        new(DateTimeOffset.UnixEpoch, method, path, "", new Dictionary<string, string>(), "", null);

    [Fact]
    public void Keeps_only_the_newest_entries_up_to_its_limit()
    {
        var journal = new RequestJournal(limit: 3);
        for (var i = 1; i <= 5; i++)
        {
            journal.Record("k", Request($"/r{i}"));
        }

        journal.Find(new RequestFilter()).Select(r => r.Path).Should().Equal(["/r3", "/r4", "/r5"], "the oldest entries are dropped first");
    }

    [Fact]
    public void Filters_by_key_method_and_path()
    {
        var journal = new RequestJournal(100);
        journal.Record("a", Request("/x"));
        journal.Record("b", Request("/x"));
        journal.Record("a", Request("/x", "POST"));
        journal.Record("a", Request("/y"));

        journal.Find(new RequestFilter("a")).Should().HaveCount(3);
        journal.Find(new RequestFilter("a", "post")).Select(r => r.Method).Should().Equal("POST");
        journal.Find(new RequestFilter(null, null, "/x")).Should().HaveCount(3);
        journal.Find(new RequestFilter("c")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_wait_is_answered_when_a_matching_request_arrives_after_it_started()
    {
        var journal = new RequestJournal(100);
        var wait = journal.WaitAsync(new RequestFilter("k", "GET", "/wanted"), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        wait.IsCompleted.Should().BeFalse("nothing was recorded yet");

        journal.Record("other", Request("/wanted"));
        journal.Record("k", Request("/unwanted"));
        wait.IsCompleted.Should().BeFalse("only non-matching requests arrived");

        var wanted = Request("/wanted");
        journal.Record("k", wanted);

        (await wait).Should().BeSameAs(wanted);
    }

    [Fact]
    public async Task A_wait_finds_a_request_recorded_before_it_started()
    {
        var journal = new RequestJournal(100);
        var first = Request("/p");
        journal.Record("k", first);
        journal.Record("k", Request("/p"));

        var found = await journal.WaitAsync(new RequestFilter("k", null, "/p"), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        found.Should().BeSameAs(first, "the oldest matching request is the answer");
    }

    [Fact]
    public async Task A_wait_without_a_match_returns_null_when_its_time_is_up()
    {
        var journal = new RequestJournal(100);
        journal.Record("k", Request("/other"));

        var found = await journal.WaitAsync(new RequestFilter("k", null, "/never"), TimeSpan.FromMilliseconds(30), TestContext.Current.CancellationToken);

        found.Should().BeNull();
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_is_forgotten()
    {
        var journal = new RequestJournal(100);
        using var cancel = new CancellationTokenSource();
        var wait = journal.WaitAsync(new RequestFilter("k"), TimeSpan.FromMinutes(1), cancel.Token);

        await cancel.CancelAsync();

        await wait.Invoking(w => w).Should().ThrowAsync<OperationCanceledException>();
        journal.Record("k", Request("/late"));
        journal.Find(new RequestFilter("k")).Should().ContainSingle();
    }

    [Fact]
    public void Clearing_one_key_keeps_the_others()
    {
        var journal = new RequestJournal(100);
        journal.Record("a", Request("/1"));
        journal.Record("b", Request("/2"));
        journal.Record("a", Request("/3"));

        journal.Clear("a");
        journal.Find(new RequestFilter()).Select(r => r.Path).Should().Equal("/2");

        journal.Clear(null);
        journal.Find(new RequestFilter()).Should().BeEmpty();
    }

    [Fact]
    public void A_limit_below_one_is_refused() =>
        new Action(() => _ = new RequestJournal(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limit");
}
