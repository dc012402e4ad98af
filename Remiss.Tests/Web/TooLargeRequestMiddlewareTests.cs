namespace Remiss.Tests.Web;

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Remiss.Web.Hosting;

/// <summary>
/// How the middleware tells an overrun found while the form is read from any other failure. The real thing, chunked
/// over Kestrel's limit at every upload, is in Hardening/HostileUploadTests.
/// </summary>
public sealed class TooLargeRequestMiddlewareTests
{
    private const string Boundary = "grans";

    [Fact]
    public async Task A_part_over_the_form_readers_multipart_limit_is_answered_413_though_the_page_said_400()
    {
        var context = Multipart(new string('x', 200));

        await Run(context, new FormOptions { MultipartBodyLengthLimit = 100 });

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_Kestrel_found_too_large_while_it_was_read_is_answered_413()
    {
        var context = Multipart("kort");
        context.Request.Body = new ThrowingStream(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        await Run(context, new FormOptions());

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
    }

    [Fact]
    public async Task An_overrun_that_the_page_let_through_as_an_exception_is_still_413_not_500()
    {
        var context = Multipart(new string('x', 200));
        var middleware = new TooLargeRequestMiddleware(async c => await c.Request.ReadFormAsync(), Options.Create(new FormOptions { MultipartBodyLengthLimit = 100 }), NullLogger<TooLargeRequestMiddleware>.Instance);

        await middleware.InvokeAsync(context);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_form_that_is_not_too_large_keeps_the_pages_own_answer()
    {
        var context = Multipart("kort");
        context.Request.Body = new ThrowingStream(new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest));

        await Run(context, new FormOptions());

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_form_within_the_limits_is_read_once_by_the_page_as_before()
    {
        var context = Multipart("kort");
        IFormCollection? read = null;
        var middleware = new TooLargeRequestMiddleware(async c => read = await c.Request.ReadFormAsync(), Options.Create(new FormOptions()), NullLogger<TooLargeRequestMiddleware>.Instance);

        await middleware.InvokeAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("fil.pdf", Assert.Single(read!.Files).FileName);
        Assert.Equal("Ett värde", read["Titel"]);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_answered_413_before_anything_reads_it()
    {
        var context = Multipart("kort");
        context.Request.Body = new ThrowingStream(new InvalidOperationException("The body was read."));
        context.Request.ContentLength = 31_000_000;
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(new MaxBodySize(30_000_000));

        await Run(context, new FormOptions());

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
    }

    /// <summary>Runs the middleware before a page that, like the antiforgery check, turns a failed form read into 400.</summary>
    private static Task Run(HttpContext context, FormOptions options) =>
        new TooLargeRequestMiddleware(
            async c =>
            {
                try
                {
                    await c.Request.ReadFormAsync();
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    c.Response.StatusCode = StatusCodes.Status400BadRequest;
                }
            },
            Options.Create(options),
            NullLogger<TooLargeRequestMiddleware>.Instance).InvokeAsync(context);

    private static DefaultHttpContext Multipart(string fileContent)
    {
        var body = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Titel\"\r\n\r\nEtt värde\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Bilaga\"; filename=\"fil.pdf\"\r\nContent-Type: application/pdf\r\n\r\n{fileContent}\r\n"
            + $"--{Boundary}--\r\n";
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context;
    }

    private sealed class ThrowingStream(Exception exception) : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw exception;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw exception;

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw exception;
    }

    private sealed class MaxBodySize(long? limit) : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = limit;
    }
}
