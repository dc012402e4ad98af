namespace Remiss.Tests.Benchmarks;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Remiss.Benchmarks;

/// <summary>The load command's second baseline answers with exactly the bytes and content type it was given.</summary>
public sealed class SameSizeBaselineTests
{
    [Fact]
    public async Task The_same_size_baseline_writes_exactly_the_follow_up_pages_bytes_with_its_content_type()
    {
        var page = new byte[71_234];
        new Random(15).NextBytes(page);
        var baseline = new SameSizeBaseline();
        baseline.Serve(page, "text/html; charset=utf-8");

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.MapSameSizeBaseline(baseline);
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync(new Uri(SameSizeBaseline.Path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(page.Length, baseline.Length);
        Assert.Equal(page, body);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }
}
