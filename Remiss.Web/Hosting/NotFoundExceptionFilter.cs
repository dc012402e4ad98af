namespace Remiss.Web.Hosting;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Remiss.Domain.Common;

/// <summary>
/// A handler that named an id which is not part of what its page loaded (another tenant's bilaga or anstånd, one of
/// another remiss) answers 404, as for any id the user may not see, and the attempt is logged. The domain and the
/// services say so with <see cref="NotFoundException"/>; a page maps its own refusals (<see cref="DomainException"/>)
/// to messages on the form and leaves this one to pass, so no page has to know about it.
/// </summary>
public sealed class NotFoundExceptionFilter(ILogger<NotFoundExceptionFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is NotFoundException notFound && !executed.ExceptionHandled)
        {
            var request = context.HttpContext.Request;
            logger.LogWarning("{Method} {Path}{Query} named what its page does not hold ({What}): refused with 404.", request.Method, request.Path.Value, request.QueryString.Value, notFound.Message);
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }
}
