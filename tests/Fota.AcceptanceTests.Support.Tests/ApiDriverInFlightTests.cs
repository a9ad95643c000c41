using System.Net;
using Fota.AcceptanceTests.Drivers;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.AcceptanceTests.Support.Matching;
using Fota.AcceptanceTests.Support.Retry;
using MockNrfCloud.Abstractions;

namespace Fota.AcceptanceTests.Support.Tests;

/// <summary>Requests sent without waiting: the next request goes out while the first is unanswered, and the first's
/// answer becomes the last response only when a step asks for it.</summary>
public sealed class ApiDriverInFlightTests
{
    [Fact]
    public async Task A_request_sent_without_waiting_leaves_room_for_the_next_and_its_answer_comes_when_asked_for()
    {
        var handler = new HoldingHandler();
        await using var host = new HandlerHost(handler);
        var api = new ApiDriver(host, new NoOutput());

        api.Prepare("POST", "http://api/held", "{}");
        api.SendWithoutWaiting("first");
        await handler.HeldArrived.Task.WaitAsync(TestContext.Current.CancellationToken);
        api.Prepare("POST", "http://api/other", "{}");
        await api.AssertAsync("status 409", soon: false, response => ResponseAssertions.StatusCode(response, 409));

        handler.Release(HttpStatusCode.InternalServerError);
        await api.AwaitInFlightAsync("first");

        await api.AssertAsync("status 500", soon: false, response => ResponseAssertions.StatusCode(response, 500));
        (await api.GetLastResponseAsync()).Url.Should().Be("http://api/held");
    }

    [Fact]
    public async Task A_name_is_used_once_and_an_unknown_one_is_refused_naming_it()
    {
        var handler = new HoldingHandler();
        handler.Release(HttpStatusCode.OK);
        await using var host = new HandlerHost(handler);
        var api = new ApiDriver(host, new NoOutput());
        api.Prepare("POST", "http://api/held", "{}");
        api.SendWithoutWaiting("first");

        var sendUnprepared = () => api.SendWithoutWaiting("second");
        sendUnprepared.Should().Throw<InvalidOperationException>("the prepared request went out already");
        api.Prepare("POST", "http://api/held", "{}");
        var reuse = () => api.SendWithoutWaiting("first");
        reuse.Should().Throw<InvalidOperationException>().WithMessage("*`first`*already*");

        await api.AwaitInFlightAsync("first");
        var again = () => api.AwaitInFlightAsync("first");
        (await again.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*`first`*");
    }

    /// <summary>Holds requests to /held until <see cref="Release"/>; answers everything else 409 at once.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource<HttpStatusCode> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource HeldArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(HttpStatusCode status) => _answer.TrySetResult(status);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != "/held")
            {
                return new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent("{}") };
            }

            HeldArrived.TrySetResult();
            return new HttpResponseMessage(await _answer.Task.WaitAsync(cancellationToken)) { Content = new StringContent("{}") };
        }
    }

    private sealed class HandlerHost(HttpMessageHandler handler) : IFotaHost
    {
        public string Mode => "fake";

        public string ApiUrl => "http://api";

        public HttpClient ApiClient { get; } = new(handler);

        public string AdminToken => "admin";

        public IMockNrfCloud Mock => throw new NotSupportedException("These tests do not use the mock.");

        public Uri AccountApiEndpoint => new("http://mock.test/");

        public RetrySettings Retry { get; } = new(TimeSpan.FromMilliseconds(1), 2, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));

        public ValueTask DisposeAsync()
        {
            ApiClient.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
