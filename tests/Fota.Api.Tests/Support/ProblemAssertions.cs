using System.Net;
using System.Text.Json.Nodes;

namespace Fota.Api.Tests.Support;

public static class ProblemAssertions
{
    /// <summary>The status codes ProblemDetail.schema.json lists; 401/405/413/415 have the same shape but are not in its enum.</summary>
    private static readonly int[] SchemaStatuses = [200, 201, 202, 400, 403, 404, 409, 500];

    /// <summary>
    /// Asserts the response is an <c>application/problem+json</c> document of the protocol with <paramref name="status"/>,
    /// valid against ProblemDetail.schema.json (for statuses outside its enum: valid once <c>status</c> is set aside),
    /// and without any stack trace.
    /// </summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        text.Should().NotContainAny(["   at ", "Exception:", "\"exception\""], "a problem never shows internals");

        var problem = JsonNode.Parse(text)!.AsObject();
        problem["@context"]?.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/ProblemDetail");
        problem["title"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        problem["status"]?.GetValue<int>().Should().Be((int)status);

        var forSchema = problem.DeepClone().AsObject();
        if (!SchemaStatuses.Contains((int)status))
        {
            forSchema.Remove("status");
        }

        Contract.ShouldValidate(forSchema, Contract.ProblemDetail);
        return problem;
    }

    public static string Detail(this JsonObject problem) => problem["detail"]?.GetValue<string>() ?? "";
}
