using System.Net;
using System.Net.Sockets;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The create-call faults of the probe in issue #9 that the real mock cannot express, as answers of <see cref="FakeNrfCloud"/>.
/// "Processed" faults create the job first (it shows in <see cref="FakeNrfCloud.CreatedJobs"/>, the id a later listing
/// returns) and then hold or spoil the answer.
/// </summary>
/// <remarks>
/// Used by: ProcessThenHoldAnswer — ExactlyOnceTests, DrainOnStopTests (an answer held until the test releases it);
/// RefuseConnection, RefusedException, ProcessAndAccept — UpstreamTests (a refusal without a socket, then an answer);
/// ProcessAndAccept also ExactlyOnceTests (after a held listing); ProcessThenFail —
/// ReconcileTests, not moved yet (its fixed answers fit the mock: tests/README.md). The
/// late answer, the 5xx, the reset, the echoed key and the redirect are the mock's now (X-Mock-Delay, X-Mock-Drop, raw
/// responses: ExactlyOnceTests, UpstreamTests).
/// </remarks>
public static class FakeNrfCloudFaults
{
    public const string Create = "POST /v1/fota-jobs";

    /// <summary>
    /// Creates the job, then answers with its id only once <paramref name="release"/> completes: holds a create in flight.
    /// Serves the next create, or every create when <paramref name="everyCreate"/>.
    /// </summary>
    public static void ProcessThenHoldAnswer(this FakeNrfCloud nrfCloud, Task release, bool everyCreate = false)
    {
        async Task<HttpResponseMessage> Answer(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var jobId = nrfCloud.CreateJob();
            await release;
            return FakeNrfCloud.Response(HttpStatusCode.OK, NrfCloudJson.Created(jobId));
        }

        if (everyCreate)
        {
            nrfCloud.Always(Create, Answer);
        }
        else
        {
            nrfCloud.Enqueue(Create, Answer);
        }
    }

    /// <summary>Creates the job, then answers with <paramref name="status"/> (a 5xx after processing).</summary>
    public static void ProcessThenFail(this FakeNrfCloud nrfCloud, HttpStatusCode status) =>
        nrfCloud.Enqueue(Create, (_, _) =>
        {
            nrfCloud.CreateJob();
            return Task.FromResult(FakeNrfCloud.Response(status, "{\"message\":\"internal error\"}"));
        });

    /// <summary>Creates the job and answers with its id.</summary>
    public static void ProcessAndAccept(this FakeNrfCloud nrfCloud) =>
        nrfCloud.Enqueue(Create, (_, _) =>
            Task.FromResult(FakeNrfCloud.Response(HttpStatusCode.OK, NrfCloudJson.Created(nrfCloud.CreateJob()))));

    /// <summary>The connection is refused: nothing reached nRF Cloud.</summary>
    public static void RefuseConnection(this FakeNrfCloud nrfCloud) =>
        nrfCloud.Enqueue(Create, (_, _) => throw RefusedException());

    public static HttpRequestException RefusedException() =>
        new(HttpRequestError.ConnectionError, "Connection refused (nrfcloud.test:443)", new SocketException((int)SocketError.ConnectionRefused));
}
