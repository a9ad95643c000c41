using System.Diagnostics;
using BenchmarkDotNet.Running;
using Jsonata;
using Jsonata.Bench;

if (args.Length > 0 && args[0] == "--race")
{
    // Many threads reading one freshly parsed (not yet materialized) document at once.
    var parsed = JsonataExpression.Parse(JsonataBenchmarks.JobsExpression);
    var wrong = 0;
    for (var round = 0; round < 2000; round++)
    {
        var document = JsonataBenchmarks.CreateDocument();
        Parallel.For(0, 8, _ =>
        {
            if (parsed.Evaluate(document).Value?.GetValue<string>() != "job-7")
            {
                Interlocked.Increment(ref wrong);
            }
        });
    }

    Console.WriteLine($"wrong results: {wrong}");
    return;
}

if (args.Length > 0 && args[0] == "--quick")
{
    // A few seconds of plain timing, without BenchmarkDotNet (for a fast sanity check).
    var expression = args.Length > 1 ? args[1] : JsonataBenchmarks.JobsExpression;
    var parsed = JsonataExpression.Parse(expression);
    var document = JsonataBenchmarks.CreateDocument();
    for (var i = 0; i < 10_000; i++)
    {
        parsed.Evaluate(document);
    }

    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var count = 0;
    while (sw.ElapsedMilliseconds < 3000)
    {
        parsed.Evaluate(document);
        count++;
    }

    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

    // On a shared, loaded machine wall-clock rates understate; CPU time shows the cost per evaluation.
    Console.WriteLine($"{expression}: {count / sw.Elapsed.TotalSeconds:N0} evaluations/s wall clock, {count / cpu:N0} per CPU-second (pre-parsed, one thread)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(JsonataBenchmarks).Assembly).Run(args);
