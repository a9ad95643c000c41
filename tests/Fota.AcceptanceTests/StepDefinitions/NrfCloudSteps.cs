using System.Globalization;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Drivers;
using Reqnroll;

namespace Fota.AcceptanceTests.StepDefinitions;

[Binding]
public sealed class NrfCloudSteps(NrfCloudMockDriver mock, ApiDriver api, ScenarioVariables variables)
{
    /// <summary>Queues the raw HTTP response (doc string) for the next matching request of this scenario's accounts.</summary>
    [StepDefinition(@"^this nRF Cloud API (?:request )?is queued for a `([^`]+)` request$")]
    public Task QueueOnce(string request, string rawResponse) =>
        mock.QueueAsync(variables.Substitute(request), variables.Substitute(rawResponse.ReplaceLineEndings("\n")), keep: false);

    /// <summary>Queues the raw HTTP response as kept: it answers every matching request from now on.</summary>
    [StepDefinition(@"^this nRF Cloud API (?:request )?is queued for every `([^`]+)` request$")]
    public Task QueueKept(string request, string rawResponse) =>
        mock.QueueAsync(variables.Substitute(request), variables.Substitute(rawResponse.ReplaceLineEndings("\n")), keep: true);

    /// <summary>SPEC 5.4: a recorded request of this scenario matches the raw HTTP request (doc string).</summary>
    [StepDefinition(@"^((?:soon )?)the nRF Cloud API should have been called with$")]
    public Task CalledWith(string? soon, string rawRequest) =>
        mock.AssertCalledWithAsync(variables.Substitute(rawRequest.ReplaceLineEndings("\n")), !string.IsNullOrEmpty(soon), () => api.LastResponseIfSent);

    /// <summary>Counts the scenario's recorded requests with that method and path (the count may be a <c>${…}</c> expression).</summary>
    [StepDefinition(@"^((?:soon )?)the nRF Cloud API should have received (at least|exactly) `(\d+|\$\{[^`]+\})` `([^`]+)` requests?$")]
    public Task RequestCount(string? soon, string comparison, string count, string request) =>
        mock.AssertRequestCountAsync(variables.Substitute(request), int.Parse(variables.Substitute(count), CultureInfo.InvariantCulture), exactly: comparison == "exactly", !string.IsNullOrEmpty(soon));

    /// <summary>Nothing more: no further request with that method and path during the window (the only step that watches a window).</summary>
    [StepDefinition(@"^the nRF Cloud API should receive no more `([^`]+)` requests for `(\d+)` seconds$")]
    public Task NoMoreRequests(string request, string seconds) =>
        mock.AssertNoMoreRequestsAsync(variables.Substitute(request), TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)));

    /// <summary>The same, once the requests the service sent before the step (<see cref="NrfCloudMockDriver.OnTheirWay"/>) have arrived.</summary>
    [StepDefinition(@"^the nRF Cloud API should receive no more `([^`]+)` requests for `(\d+)` seconds, once those on their way have arrived$")]
    public Task NoMoreRequestsOnceArrived(string request, string seconds) =>
        mock.AssertNoMoreRequestsAsync(
            variables.Substitute(request), TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)), NrfCloudMockDriver.OnTheirWay);

    /// <summary>Stores how many requests with that method and path the mock has recorded for the scenario so far.</summary>
    [StepDefinition(@"^I store the number of `([^`]+)` requests the nRF Cloud API has received into `([^`]+)`$")]
    public async Task StoreRequestCount(string request, string name) =>
        variables.Set(variables.Substitute(name), System.Text.Json.Nodes.JsonValue.Create(await mock.CountRequestsAsync(variables.Substitute(request))));

    /// <summary>The poller's backoff, as the mock saw it.</summary>
    [StepDefinition(@"^the nRF Cloud API should have received the `([^`]+)` requests at growing intervals$")]
    public Task GrowingIntervals(string request) => mock.AssertGrowingIntervalsAsync(variables.Substitute(request));

    /// <summary>A backoff that doubles from a first wait (a lower bound on every interval), as the mock saw it.</summary>
    [StepDefinition(@"^the nRF Cloud API should have received the `([^`]+)` requests at growing intervals, doubling from at least `([^`]+)` ms$")]
    public Task DoublingIntervals(string request, string milliseconds) =>
        mock.AssertDoublingIntervalsAsync(variables.Substitute(request), TimeSpan.FromMilliseconds(double.Parse(variables.Substitute(milliseconds), CultureInfo.InvariantCulture)));

    /// <summary>The poller's first wait: every interval at least the given delay, the shortest less than twice it.</summary>
    [StepDefinition(@"^the nRF Cloud API should have received the `([^`]+)` requests `([^`]+)` ms apart$")]
    public Task FirstWait(string request, string milliseconds) =>
        mock.AssertFirstWaitAsync(variables.Substitute(request), TimeSpan.FromMilliseconds(double.Parse(variables.Substitute(milliseconds), CultureInfo.InvariantCulture)));
}
