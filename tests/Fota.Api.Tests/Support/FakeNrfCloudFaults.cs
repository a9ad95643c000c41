using System.Net;
using System.Net.Sockets;

namespace Fota.Api.Tests.Support;

/// <summary>
/// The faults of the probe in issue #9, as answers of <see cref="FakeNrfCloud"/> to the create call. "Processed" faults
/// create the job first (it shows in <see cref="FakeNrfCloud.CreatedJobs"/>) and then lose or spoil the answer.
/// </summary>
public static class FakeNrfCloudFaults
{
    public const string Create = "POST /v1/fota-jobs";

    /// <summary>Creates the job, then answers only after <paramref name="delay"/> (beyond the service's attempt timeout).</summary>
    public static void ProcessThenAnswerLate(this FakeNrfCloud nrfCloud, TimeSpan delay) =>
        nrfCloud.Enqueue(Create, async (_, cancellationToken) =>
        {
            var jobId = nrfCloud.CreateJob();
            await Task.Delay(delay, cancellationToken);
            return FakeNrfCloud.Response(HttpStatusCode.OK, $"{{\"jobId\":\"{jobId}\"}}");
        });

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
            return FakeNrfCloud.Response(HttpStatusCode.OK, $"{{\"jobId\":\"{jobId}\"}}");
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

    /// <summary>Creates the job, then the connection is reset before the answer (what SocketsHttpHandler reports).</summary>
    public static void ProcessThenReset(this FakeNrfCloud nrfCloud) =>
        nrfCloud.Enqueue(Create, (_, _) =>
        {
            nrfCloud.CreateJob();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        });

    /// <summary>Creates the job and answers with its id.</summary>
    public static void ProcessAndAccept(this FakeNrfCloud nrfCloud) =>
        nrfCloud.Enqueue(Create, (_, _) =>
            Task.FromResult(FakeNrfCloud.Response(HttpStatusCode.OK, $"{{\"jobId\":\"{nrfCloud.CreateJob()}\"}}")));

    /// <summary>The connection is refused: nothing reached nRF Cloud.</summary>
    public static void RefuseConnection(this FakeNrfCloud nrfCloud) =>
        nrfCloud.Enqueue(Create, (_, _) => throw RefusedException());

    public static HttpRequestException RefusedException() =>
        new(HttpRequestError.ConnectionError, "Connection refused (nrfcloud.test:443)", new SocketException((int)SocketError.ConnectionRefused));

    /// <summary>Answers <paramref name="status"/> with a body that echoes every request header, the key included.</summary>
    public static void EchoHeaders(this FakeNrfCloud nrfCloud, HttpStatusCode status) =>
        nrfCloud.Enqueue(Create, (request, _) =>
        {
            var headers = string.Join(", ", request.Headers.Select(h => $"\"{h.Key}\": \"{string.Join(",", h.Value)}\""));
            return Task.FromResult(FakeNrfCloud.Response(status, $"{{\"message\":\"bad request\",\"headers\":{{{headers}}}}}"));
        });

    /// <summary>Answers with a redirect to another host.</summary>
    public static void Redirect(this FakeNrfCloud nrfCloud, HttpStatusCode status, string location) =>
        nrfCloud.Enqueue(Create, HttpStatusCode.OK, null, response =>
        {
            response.StatusCode = status;
            response.Headers.Location = new Uri(location);
        });
}
