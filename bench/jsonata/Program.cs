using System.Diagnostics;
using BenchmarkDotNet.Running;
using Jsonata;
using Jsonata.Bench;

if (args.Length > 0 && args[0] == "--quick")
{
    // A few seconds of plain timing, without BenchmarkDotNet (for a fast sanity check).
    var expression = args.Length > 1 ? args[1] : JsonataBenchmarks.JobsExpression;
    var parsed = JsonataExpression.Parse(expression);
    var document = JsonataBenchmarks.CreateDocument();
    var sw = Stopwatch.StartNew();
    var count = 0;
    while (sw.ElapsedMilliseconds < 3000)
    {
        parsed.Evaluate(document);
        count++;
    }

    Console.WriteLine($"{expression}: {count / sw.Elapsed.TotalSeconds:N0} evaluations/s (pre-parsed, one thread)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(JsonataBenchmarks).Assembly).Run(args);
