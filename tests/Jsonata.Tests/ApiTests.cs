using System.Text.Json.Nodes;

namespace Jsonata.Tests;

/// <summary>The patterns the acceptance suite relies on, through the public API.</summary>
public class ApiTests
{
    private static readonly JsonNode Jobs = JsonNode.Parse("""
        {
          "jobs": [
            { "id": "a", "status": "QUEUED", "count": 1 },
            { "id": "b", "status": "IN_PROGRESS", "count": 2 },
            { "id": "c", "status": "IN_PROGRESS", "count": 3 },
            { "id": "d", "status": "COMPLETED", "count": 4 }
          ]
        }
        """)!;

    private static JsonataResult Eval(string expression, JsonNode? input = null, IReadOnlyDictionary<string, JsonNode?>? bindings = null) =>
        JsonataExpression.Parse(expression).Evaluate(input, bindings);

    private static string Json(JsonataResult result)
    {
        result.IsUndefined.Should().BeFalse();
        return result.Value?.ToJsonString() ?? "null";
    }

    [Fact]
    public void Millis_comes_from_the_time_provider_and_is_read_once_per_evaluation()
    {
        var clock = new SteppingClock(DateTimeOffset.FromUnixTimeMilliseconds(1_694_503_339_523));
        var result = JsonataExpression.Parse("[$millis(), $millis(), $now()]").Evaluate(null, null, clock);

        Json(result).Should().Be("[1694503339523,1694503339523,\"2023-09-12T07:22:19.523Z\"]");
        clock.Reads.Should().Be(1);
    }

    [Fact]
    public void Millis_differs_between_evaluations_of_a_moving_clock()
    {
        var clock = new SteppingClock(DateTimeOffset.FromUnixTimeMilliseconds(1000));
        var expression = JsonataExpression.Parse("$millis()");

        Json(expression.Evaluate(null, null, clock)).Should().Be("1000");
        Json(expression.Evaluate(null, null, clock)).Should().Be("2000");
    }

    [Fact]
    public void FromMillis_formats_iso_8601_utc_with_milliseconds() =>
        Json(Eval("$fromMillis(1694503339523)")).Should().Be("\"2023-09-12T07:22:19.523Z\"");

    [Fact]
    public void FromMillis_of_millis_plus_30_seconds()
    {
        var clock = new SteppingClock(DateTimeOffset.FromUnixTimeMilliseconds(1_694_503_339_523));
        var result = JsonataExpression.Parse("$fromMillis($millis() + 30 * 1000)").Evaluate(null, null, clock);

        Json(result).Should().Be("\"2023-09-12T07:22:49.523Z\"");
    }

    [Fact]
    public void ToMillis_parses_iso_8601() =>
        Json(Eval("$toMillis(\"2023-09-12T07:22:19.523Z\")")).Should().Be("1694503339523");

    [Fact]
    public void Picture_strings_fail_clearly_instead_of_answering_wrongly()
    {
        var act = () => Eval("$fromMillis(0, '[Y0001]')");

        act.Should().Throw<JsonataException>().Which.Code.Should().Be("U0001");
    }

    [Fact]
    public void First_job_is_an_object() =>
        Json(Eval("$.jobs[0]", Jobs)).Should().Be("""{"id":"a","status":"QUEUED","count":1}""");

    [Fact]
    public void First_job_id() => Json(Eval("$.jobs[0].id", Jobs)).Should().Be("\"a\"");

    [Fact]
    public void Last_job_id_with_negative_index() => Json(Eval("jobs[-1].id", Jobs)).Should().Be("\"d\"");

    [Fact]
    public void Predicate_selects_all_matching_ids() =>
        Json(Eval("$.jobs[status=\"IN_PROGRESS\"].id", Jobs)).Should().Be("""["b","c"]""");

    [Fact]
    public void Predicate_with_one_match_gives_the_value_not_an_array() =>
        Json(Eval("$.jobs[status=\"QUEUED\"].id", Jobs)).Should().Be("\"a\"");

    [Fact]
    public void Result_is_independent_of_the_input_document()
    {
        var result = Eval("$.jobs[0]", Jobs);
        result.Value!["id"] = "changed";

        Jobs["jobs"]![0]!["id"]!.GetValue<string>().Should().Be("a");
    }

    [Fact]
    public void String_concatenation_converts_numbers() => Json(Eval("\"a\" & 1")).Should().Be("\"a1\"");

    [Fact]
    public void Arithmetic_outputs_integers_as_integral_json_numbers() => Json(Eval("6 / 2")).Should().Be("3");

    [Fact]
    public void String_of_a_fraction_uses_15_significant_digits() =>
        Json(Eval("$string(1/3)")).Should().Be("\"0.333333333333333\"");

    [Fact]
    public void Numbers_compare_by_value() => Json(Eval("1.0 = 1 and 0.5 < 2")).Should().Be("true");

    [Fact]
    public void Aggregates_on_paths() =>
        Json(Eval("[$count(jobs), $sum(jobs.count), $join(jobs.id, \",\"), $exists(jobs[5])]", Jobs))
            .Should().Be("""[4,10,"a,b,c,d",false]""");

    [Fact]
    public void String_functions() =>
        Json(Eval("[$length(\"héllo\"), $substring(\"hello\", 1, 3), $uppercase(\"a\"), $lowercase(\"B\"), $string(12), $number(\"1.5\")]"))
            .Should().Be("""[5,"ell","A","b","12",1.5]""");

    [Fact]
    public void Bindings_are_variables_without_the_dollar()
    {
        var bindings = new Dictionary<string, JsonNode?> { ["ts"] = JsonValue.Create(1_694_503_339_523L) };

        Json(Eval("$fromMillis($ts)", null, bindings)).Should().Be("\"2023-09-12T07:22:19.523Z\"");
    }

    [Fact]
    public void Undefined_variable_gives_undefined_not_null() => Eval("$nope").IsUndefined.Should().BeTrue();

    [Fact]
    public void Missing_path_gives_undefined_not_null() => Eval("jobs[0].nope", Jobs).IsUndefined.Should().BeTrue();

    [Fact]
    public void Json_null_is_a_value() => Eval("null").Should().Be(JsonataResult.Of(null));

    [Fact]
    public void Conditionals_objects_and_blocks() =>
        Json(Eval("($n := $count(jobs); { \"many\": $n > 2 ? \"yes\" : \"no\", \"ids\": [jobs.id] })", Jobs))
            .Should().Be("""{"many":"yes","ids":["a","b","c","d"]}""");

    [Theory]
    [InlineData("\"no closing quote", "S0101", 17)]
    [InlineData("[1,2)", "S0202", 5)]
    [InlineData("1 +", "S0207", 3)]
    [InlineData("(1", "S0203", 2)]
    [InlineData("1 2", "S0201", 3)]
    public void Syntax_errors_have_code_and_position(string expression, string code, int position)
    {
        var act = () => JsonataExpression.Parse(expression);

        var error = act.Should().Throw<JsonataException>().Which;
        error.Code.Should().Be(code);
        error.Position.Should().Be(position);
    }

    [Theory]
    [InlineData("\"s\" - 1", "T2001", "-")]
    [InlineData("1 + \"s\"", "T2002", "+")]
    [InlineData("$nope()", "T1006", "nope")]
    public void Evaluation_errors_have_code_and_token(string expression, string code, string token)
    {
        var act = () => Eval(expression);

        var error = act.Should().Throw<JsonataException>().Which;
        error.Code.Should().Be(code);
        error.Token.Should().Be(token);
        error.Position.Should().BeGreaterThan(0);
    }

    [Fact]
    public void One_parsed_expression_evaluates_in_parallel()
    {
        var expression = JsonataExpression.Parse("($x := $.n * 2; $string($x) & \"-\" & $tag)");
        var results = new string?[2000];

        Parallel.For(0, results.Length, i =>
        {
            var bindings = new Dictionary<string, JsonNode?> { ["tag"] = JsonValue.Create("t" + i) };
            results[i] = expression.Evaluate(new JsonObject { ["n"] = i }, bindings).Value!.GetValue<string>();
        });

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Should().Be($"{i * 2}-t{i}");
        }
    }

    /// <summary>A clock that moves one second on every read, so repeated reads would show.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            var now = _now;
            _now = _now.AddSeconds(1);
            return now;
        }
    }
}
