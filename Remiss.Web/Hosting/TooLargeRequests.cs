namespace Remiss.Web.Hosting;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

/// <summary>
/// A request larger than the server accepts ends on the Swedish "Filen är för stor" page (413), however its size
/// shows. One that says so in its Content-Length is answered before anything reads it. One that does not (sent
/// chunked, or as HTTP/2 frames without a length) is found out only while its form is read: Kestrel then throws a
/// 413 <see cref="BadHttpRequestException"/>, or the form reader an <see cref="InvalidDataException"/> for its
/// multipart body length limit. Both would surface as a failed antiforgery check (400, "Felaktig begäran") halfway through the
/// upload, so the form is read through a feature that notes the overrun, and the answer becomes 413.
/// </summary>
public sealed class TooLargeRequestMiddleware(RequestDelegate next, IOptions<FormOptions> formOptions, ILogger<TooLargeRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The error page re-executes this pipeline for the same request: it must get through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            logger.LogWarning("{Method} {Path} declared {Length} bytes, over the limit of {Limit}: refused with 413.", context.Request.Method, context.Request.Path.Value, context.Request.ContentLength, max);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var form = new OverrunNoticingFormFeature(context.Features.Get<IFormFeature>() ?? new FormFeature(context.Request, formOptions.Value));
        context.Features.Set<IFormFeature>(form);
        try
        {
            await next(context);
        }
        catch (Exception) when (form.Overrun is not null && !context.Response.HasStarted)
        {
            // Whatever read the form let the overrun through: it is still the person's file that was too large.
        }

        if (form.Overrun is { } overrun && !context.Response.HasStarted)
        {
            logger.LogWarning("{Method} {Path} went over a request limit while its form was read ({Reason}): answered 413.", context.Request.Method, context.Request.Path.Value, overrun);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }

    /// <summary>Whether <paramref name="exception"/> says the body went over a size limit while it was read, and which.</summary>
    internal static string? OverrunOf(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => "the request body is larger than the server accepts",
        // The form reader's only way of saying a part is longer than FormOptions.MultipartBodyLengthLimit.
        InvalidDataException invalid when invalid.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal) => invalid.Message,
        _ => null,
    };

    /// <summary>The request's own form feature, which notes a size overrun when reading the form fails with one.</summary>
    private sealed class OverrunNoticingFormFeature(IFormFeature inner) : IFormFeature
    {
        public string? Overrun { get; private set; }

        public bool HasFormContentType => inner.HasFormContentType;

        public IFormCollection? Form
        {
            get => inner.Form;
            set => inner.Form = value;
        }

        public IFormCollection ReadForm()
        {
            try
            {
                return inner.ReadForm();
            }
            catch (Exception e) when (Notice(e))
            {
                throw;
            }
        }

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await inner.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (Notice(e))
            {
                throw;
            }
        }

        /// <summary>Notes an overrun; never catches (false), so the exception goes on as before.</summary>
        private bool Notice(Exception exception)
        {
            Overrun ??= OverrunOf(exception);
            return false;
        }
    }
}
