using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace Jsonata.Bench;

/// <summary>Parse+evaluate and pre-parsed evaluate of the expressions the acceptance suite uses.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class JsonataBenchmarks
{
    public const string JobsExpression = "$.jobs[status=\"IN_PROGRESS\"].id";
    public const string TimeExpression = "$fromMillis($millis() + 30 * 1000)";

    private readonly JsonNode _document = CreateDocument();
    private readonly JsonataExpression _jobs = JsonataExpression.Parse(JobsExpression);
    private readonly JsonataExpression _time = JsonataExpression.Parse(TimeExpression);

    public static JsonNode CreateDocument()
    {
        var jobs = new JsonArray();
        for (var i = 0; i < 10; i++)
        {
            jobs.Add(new JsonObject
            {
                ["id"] = $"job-{i}",
                ["deviceId"] = $"oob-35240411111111{i}",
                ["status"] = i == 7 ? "IN_PROGRESS" : "QUEUED",
                ["upgradeType"] = "APP",
                ["lastUpdatedAt"] = "2023-09-12T07:22:19.523Z",
            });
        }

        return JsonNode.Parse(new JsonObject { ["@context"] = "https://github.com/hello-nrfcloud/proto/fota/jobs", ["jobs"] = jobs }.ToJsonString())!;
    }

    [Benchmark]
    public JsonataResult JobsParseAndEvaluate() => JsonataExpression.Parse(JobsExpression).Evaluate(_document);

    [Benchmark]
    public JsonataResult JobsPreParsed() => _jobs.Evaluate(_document);

    [Benchmark]
    public JsonataResult TimeParseAndEvaluate() => JsonataExpression.Parse(TimeExpression).Evaluate(null);

    [Benchmark]
    public JsonataResult TimePreParsed() => _time.Evaluate(null);
}
