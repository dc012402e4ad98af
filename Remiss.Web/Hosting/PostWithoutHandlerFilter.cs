namespace Remiss.Web.Hosting;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

/// <summary>
/// A post (or any method but GET and HEAD) to a page that has no handler for it is refused with 405. Without this,
/// Razor Pages renders the page without running any handler: no record is loaded and no right is checked, so a
/// download page answers 200 to anyone of the tenant and a page that expects its model fails with a 500.
/// </summary>
public sealed class PostWithoutHandlerFilter(ILogger<PostWithoutHandlerFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            logger.LogWarning("{Method} {Path} has no handler on its page: refused with 405.", request.Method, request.Path.Value);
            context.HttpContext.Response.Headers[HeaderNames.Allow] = "GET, HEAD";
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }
}
