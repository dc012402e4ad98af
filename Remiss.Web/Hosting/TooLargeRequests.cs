namespace Remiss.Web.Hosting;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

/// <summary>
/// A request that says it is larger than the server accepts is answered 413 before anything reads it, so the
/// person gets the Swedish "Filen är för stor" page. Left to the form reader, Kestrel's limit surfaces as a failed
/// antiforgery check (400, "Något gick fel") halfway through the upload.
/// </summary>
public sealed class TooLargeRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // The error page re-executes this pipeline for the same request: it must get through.
        if (limit is { } max && context.Request.ContentLength > max && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
