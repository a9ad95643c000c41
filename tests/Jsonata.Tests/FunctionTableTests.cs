using System.Reflection;
using System.Text.RegularExpressions;
using Jsonata.Engine;
using Jsonata.Functions;

namespace Jsonata.Tests;

/// <summary>The registration table (Functions/Library.cs) and the error catalogue (Engine/Errors.cs).</summary>
public partial class FunctionTableTests
{
    [Fact]
    public void Every_function_arity_is_what_its_signature_declares_except_the_options_jsonata_js_defaults()
    {
        // Arity decides how many arguments $map/$filter/$each/... pass: value, index, array.
        // jsonata-js declares $string(arg, prettify = false), so a higher-order function passes it the value only.
        var options = new Dictionary<string, int> { ["string"] = 1 };
        Library.All.Should().NotBeEmpty();
        foreach (var f in Library.All)
        {
            var expected = f.Signature!.ParameterCount - options.GetValueOrDefault(f.Name);
            f.Arity.Should().Be(expected, $"${f.Name} has signature {f.Signature.Definition}");
        }
    }

    [Fact]
    public void Every_function_is_registered_once_and_bound_in_the_root_frame()
    {
        Library.All.Select(f => f.Name).Should().OnlyHaveUniqueItems();
        foreach (var f in Library.All)
        {
            Library.Frame.Lookup(f.Name).Should().BeSameAs(f);
        }

        Library.Frame.Lookup("transform").Should().BeNull("transform closes over its expression and is bound per evaluation");
    }

    [Fact]
    public void String_prettifies_when_asked_and_a_higher_order_function_passes_it_the_value_only()
    {
        var pretty = JsonataExpression.Parse("$string({\"a\": [1, 2]}, true)").Evaluate(null).Value!.GetValue<string>();
        pretty.Should().Be("{\n  \"a\": [\n    1,\n    2\n  ]\n}");

        // With arity 2 $map would pass the index as prettify and fail the signature (T0410).
        var mapped = JsonataExpression.Parse("$map([{\"a\": 1}, 2], $string)").Evaluate(null).Value!.AsArray();
        mapped.Select(n => n!.GetValue<string>()).Should().Equal("{\"a\":1}", "2");
    }

    [Fact]
    public void Transform_takes_its_signature_from_the_table()
    {
        var act = () => JsonataExpression.Parse("\"text\" ~> | $ | {\"b\": 1} |").Evaluate(null);
        act.Should().Throw<JsonataException>().Which.Code.Should().Be("T0410");

        var result = JsonataExpression.Parse("{\"a\": 1} ~> | $ | {\"b\": 2} |").Evaluate(null).Value!.ToJsonString();
        result.Should().Be("""{"a":1,"b":2}""");
    }

    [Fact]
    public void Every_catalogued_error_has_a_jsonata_code_and_a_message()
    {
        var methods = typeof(Errors).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(JsonataException))
            .ToList();
        methods.Should().HaveCountGreaterThan(80);
        foreach (var method in methods)
        {
            var args = method.GetParameters().Select(p => Sample(p.ParameterType, p.Name!)).ToArray();
            var error = (JsonataException)method.Invoke(null, args)!;
            error.Code.Should().MatchRegex(CodePattern().ToString(), method.Name);
            error.Message.Should().MatchRegex($"^{error.Code}: \\S", method.Name);
        }
    }

    private static object? Sample(Type type, string name) => type switch
    {
        _ when type == typeof(int) => 1,
        _ when type == typeof(char) => 'q',
        _ when type == typeof(Type) => typeof(object),
        _ when name == "code" => "D3081",
        _ => "x",
    };

    [GeneratedRegex("^[STDU][0-9]{4}$")]
    private static partial Regex CodePattern();
}
