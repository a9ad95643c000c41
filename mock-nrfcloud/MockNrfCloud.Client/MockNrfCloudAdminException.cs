using System.Net;

namespace MockNrfCloud.Client;

/// <summary>The mock's admin HTTP API answered with an unexpected status (for example 401: wrong or missing admin token).</summary>
public sealed class MockNrfCloudAdminException(HttpStatusCode statusCode, string message) : Exception(message)
{
    /// <summary>The status the admin API answered with.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
