namespace Remiss.Benchmarks;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

/// <summary>
/// The load command's second baseline: exactly the follow-up page's bytes, with its content type, written from memory
/// through the same pipeline as the page (headers, authentication, routing). What the page costs beyond it is the
/// page's own work, apart from its size. Only the benchmark's host maps it; the app's own routing never does.
/// </summary>
public sealed class SameSizeBaseline
{
    public const string Path = "/benchmark/same-size";

    private Body _body = new([], "text/html; charset=utf-8");

    /// <summary>How many bytes a request gets.</summary>
    public int Length => Volatile.Read(ref _body).Bytes.Length;

    /// <summary>Serves <paramref name="bytes"/> (the follow-up page as read) from now on.</summary>
    public void Serve(byte[] bytes, string contentType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Volatile.Write(ref _body, new Body(bytes, contentType));
    }

    internal Task WriteAsync(HttpContext http)
    {
        var body = Volatile.Read(ref _body);
        http.Response.ContentType = body.ContentType;
        http.Response.ContentLength = body.Bytes.Length;
        return http.Response.Body.WriteAsync(body.Bytes, http.RequestAborted).AsTask();
    }

    private sealed record Body(byte[] Bytes, string ContentType);
}

public static class SameSizeBaselineEndpoint
{
    /// <summary>Maps <see cref="SameSizeBaseline.Path"/> to the bytes <paramref name="baseline"/> serves.</summary>
    public static IEndpointConventionBuilder MapSameSizeBaseline(this IEndpointRouteBuilder endpoints, SameSizeBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return endpoints.MapGet(SameSizeBaseline.Path, baseline.WriteAsync);
    }
}
