namespace Remiss.Tests.Architecture;

using System.Reflection;
using Remiss.Infrastructure.Persistence;

/// <summary>The measurements live in Remiss.Benchmarks: nothing of them ships in the app's assemblies.</summary>
public sealed class BenchmarkPlacementTests
{
    public static TheoryData<string> ProductionAssemblies() =>
    [
        typeof(global::Remiss.Domain.Remisser.Remiss).Assembly.GetName().Name!,
        typeof(AppDbContext).Assembly.GetName().Name!,
        typeof(Program).Assembly.GetName().Name!,
    ];

    [Theory]
    [MemberData(nameof(ProductionAssemblies))]
    public void A_production_assembly_contains_no_benchmark_type(string assembly)
    {
        var benchmarks = Assembly.Load(assembly).GetTypes()
            .Select(t => t.FullName ?? t.Name)
            .Where(name => name.Contains("Benchmark", StringComparison.Ordinal))
            .ToList();

        Assert.True(benchmarks.Count == 0, assembly + " contains " + string.Join(", ", benchmarks));
    }

    [Fact]
    public void The_benchmarks_are_where_the_readme_runs_them()
    {
        var benchmarks = typeof(global::Remiss.Benchmarks.LoadBenchmark).Assembly;

        Assert.Equal("Remiss.Benchmarks", benchmarks.GetName().Name);
        Assert.Contains(benchmarks.GetTypes(), t => t.Name == "SummaryBenchmark");
        Assert.Contains(benchmarks.GetTypes(), t => t.Name == "ChaserBenchmark");
    }
}
