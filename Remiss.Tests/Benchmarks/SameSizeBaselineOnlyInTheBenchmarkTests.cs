namespace Remiss.Tests.Benchmarks;

using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Benchmarks;
using Remiss.Tests.TestSupport;

/// <summary>The same-size baseline is the benchmark host's own: the app as it ships neither maps nor answers it.</summary>
public sealed class SameSizeBaselineOnlyInTheBenchmarkTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task The_apps_own_routing_has_no_same_size_baseline()
    {
        factory.StartServer();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .ToList();
        using var session = factory.NewSession();

        using var response = await session.GetAsync(SameSizeBaseline.Path);

        Assert.NotEmpty(routes);
        Assert.DoesNotContain(SameSizeBaseline.Path, routes);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
