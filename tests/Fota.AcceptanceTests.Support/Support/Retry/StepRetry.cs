using System.Globalization;
using Fota.FeatureRunner;
using Reqnroll;

namespace Fota.AcceptanceTests.Support.Retry;

/// <summary>
/// The retry settings of the running step: the host's, changed by a BDD-Markdown <c>@retry</c> directive
/// (<c>&lt;!-- @retry:tries=3,initialDelay=500,delayFactor=1.5 --&gt;</c> before the step or its scenario, or
/// <c>retry:</c> in the front matter): <c>initialDelay</c> (ms) and <c>delayFactor</c> replace the backoff's start and
/// factor; <c>tries</c> makes a <c>soon</c> step give up after that many attempts instead of when the budget is spent.
/// </summary>
public sealed class StepRetry(ScenarioContext scenario)
{
    public const string Directive = "retry";

    public RetrySettings For(RetrySettings defaults) => Apply(defaults, StepDirectives.Current(scenario, Directive));

    public static RetrySettings Apply(RetrySettings defaults, IReadOnlyDictionary<string, string> directive)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(directive);
        var settings = defaults;
        foreach (var (name, value) in directive)
        {
            settings = name switch
            {
                "tries" => settings with { Tries = (int)Number(name, value, minimum: 1, whole: true) },
                "initialDelay" => settings with { InitialDelay = TimeSpan.FromMilliseconds(Number(name, value, minimum: 1, whole: true)) },
                "delayFactor" => settings with { Factor = Number(name, value, minimum: 1, whole: false) },
                _ => throw new InvalidOperationException($"@{Directive}: unknown setting '{name}' (tries, initialDelay, delayFactor)."),
            };
        }

        return settings;
    }

    private static double Number(string name, string text, double minimum, bool whole)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < minimum || (whole && value % 1 != 0))
        {
            throw new InvalidOperationException($"@{Directive}: {name} must be a {(whole ? "whole " : "")}number of at least {minimum}, was '{text}'.");
        }

        return value;
    }
}
