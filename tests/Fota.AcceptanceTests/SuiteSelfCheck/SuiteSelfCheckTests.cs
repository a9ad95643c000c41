using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Support.Hosting;
using Fota.AcceptanceTests.Support.Retry;
using Fota.FeatureRunner;
using Microsoft.Extensions.DependencyInjection;

namespace Fota.AcceptanceTests.SuiteSelfCheck;

/// <summary>
/// The suite catches a service that breaks the nRF Cloud contract: the seed's "Schedule the FOTA job" run
/// against a service whose create-job body lacks <c>autoApply</c> must fail at the "called with" step.
/// </summary>
[Trait("Category", "suite-self")]
public sealed class SuiteSelfCheckTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Scheduling_fails_at_called_with_when_the_service_drops_autoApply()
    {
        var shared = await FotaHosts.CurrentAsync(TestContext.Current.CancellationToken);
        await using var broken = await InProcessFotaHost.StartAsync(
            services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new DropAutoApply())),
            sharedMock: shared.Mock,
            retry: RetrySettings.InProcessDefaults with { Budget = TimeSpan.FromSeconds(1) },
            cancellationToken: TestContext.Current.CancellationToken);

        ScenarioOutcome outcome;
        using (FotaHosts.Use(broken))
        {
            outcome = await ScenarioRunner.RunScenarioAsync("DeviceFota.feature", "Schedule the FOTA job", new ScenarioRunOptions { Output = output });
        }

        output.WriteLine("Outcome: " + outcome.Status + Environment.NewLine + outcome.Message);
        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed, "the service no longer sends autoApply");
        outcome.Message.Should().MatchRegex(@"the nRF Cloud API should have been called with \(features/DeviceFota\.feature:\d+\)")
            .And.Contain("autoApply", "the failure says what differs")
            .And.MatchRegex(@"after \d+ attempt\(s\) in \d+ ms \(soon: budget 1000 ms", "a soon failure says how often and how long it tried");
        var shown = $"{outcome.Message}{Environment.NewLine}{outcome.Error!.StackTrace}".Split('\n');
        shown.Length.Should().BeLessThanOrEqualTo(40, "a failure is read by a person: the message once, the evidence of the last attempt, user frames only");
    }

    [Fact]
    public async Task A_service_that_cannot_reach_the_mock_fails_naming_status_and_cause()
    {
        var shared = await FotaHosts.CurrentAsync(TestContext.Current.CancellationToken);
        await using var misconfigured = await InProcessFotaHost.StartAsync(
            services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new SendNowhere())),
            sharedMock: shared.Mock,
            retry: RetrySettings.InProcessDefaults with { Budget = TimeSpan.FromSeconds(1) },
            cancellationToken: TestContext.Current.CancellationToken);

        ScenarioOutcome outcome;
        using (FotaHosts.Use(misconfigured))
        {
            outcome = await ScenarioRunner.RunScenarioAsync("DeviceFota.feature", "Schedule the FOTA job", new ScenarioRunOptions { Output = output });
        }

        output.WriteLine("Outcome: " + outcome.Status + Environment.NewLine + outcome.Message);
        outcome.Status.Should().Be(ScenarioOutcomeStatus.Failed);
        outcome.Message.Should().Contain("the status code of the last response should be `202`")
            .And.Contain("Expected status code 202 but was 500")
            .And.Contain("nRF Cloud", "the evidence is the service's problem document naming the upstream");
    }

    /// <summary>Sends every outgoing request of the service to a closed port, as a service configured with a wrong nRF Cloud endpoint would.</summary>
    private sealed class SendNowhere : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = "127.0.0.1", Port = 9 }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Removes autoApply from the body of every create-job request the service sends to nRF Cloud.</summary>
    private sealed class DropAutoApply : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/v1/fota-jobs", StringComparison.Ordinal) == true && request.Content is not null)
            {
                var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                body.Remove("autoApply");
                request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                request.Content.Headers.ContentType!.CharSet = null;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
