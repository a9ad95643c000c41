using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fota.AcceptanceTests.Contexts;
using Fota.AcceptanceTests.Support;
using Fota.AcceptanceTests.Support.Hosting;
using Reqnroll;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>Schedules FOTA jobs as preparation for a scenario (not as the request under test: the last response stays untouched).</summary>
public sealed class SchedulingDriver(IFotaHost host, ScenarioAccounts accounts, ScenarioQueuedResponses queued, IReqnrollOutputHelper output)
{
    /// <summary>
    /// Schedules <paramref name="count"/> jobs one after the other, each with its own nRF Cloud job id and its own bundle
    /// (<c>APP*1e29dfa3*v2.0.0</c>, <c>…v2.0.1</c>, …: one running job per device and bundle); returns the ids, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScheduleAsync(int count, string deviceId, string fingerprint)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var jobId = Guid.NewGuid().ToString();
            var answer = new QueuedNrfCloudResponse("POST /v1/fota-jobs", $"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{{\"jobId\": \"{jobId}\"}}", Keep: false);
            await ScenarioMockState.QueueAsync(host.Mock, accounts, queued, answer).ConfigureAwait(false);
            var url = $"{host.ApiUrl}/device/{Uri.EscapeDataString(deviceId)}/fota?fingerprint={Uri.EscapeDataString(fingerprint)}";
            using var response = await host.ApiClient.PostAsJsonAsync(url, new JsonObject { ["bundleId"] = $"APP*1e29dfa3*v2.0.{i}" }).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"Scheduling job {i + 1} of {count} answered {(int)response.StatusCode} instead of 202: {body}");
            }

            ids.Add(jobId);
        }

        output.WriteLine($"Scheduled {count} FOTA jobs for {deviceId}");
        return ids;
    }
}
