using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PressConference.Benchmarks;

/// <summary>
/// <c>--http [--reporters N] [--mixed-seconds S]</c>: the end-to-end harness (real service on a loopback port).
/// Anything else goes to BenchmarkDotNet (<c>--filter '*'</c>, <c>--list flat</c>, ...). See docs/benchmarks.md.
/// </summary>
public static class Entry
{
    /// <summary>Token verification target: one check of a scanned token, parse + ECDSA, in well under a millisecond.</summary>
    public const double VerifyTargetMs = 1.0;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--http"))
        {
            return await HttpHarness.RunAsync(args);
        }

        // Reports go next to the build output (ignored by git), not into the folder the command is run from.
        var bdnArgs = args.Contains("--artifacts") ? args : [.. args, "--artifacts", Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts")];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Entry).Assembly).Run(bdnArgs);
        return ReportTargets(summaries);
    }

    private static int ReportTargets(IEnumerable<Summary> summaries)
    {
        var verify = summaries.SelectMany(s => s.Reports)
            .FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(PassTokenBenchmarks.VerifyToken));
        if (verify?.ResultStatistics is not { } stats)
        {
            return 0;
        }

        var ms = stats.Mean / 1_000_000;
        Console.WriteLine();
        Console.WriteLine($"TARGET token verification mean < {VerifyTargetMs} ms: {ms:0.000} ms -> {(ms < VerifyTargetMs ? "PASS" : "MISS")}");
        return 0;
    }
}
