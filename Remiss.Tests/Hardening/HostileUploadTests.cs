namespace Remiss.Tests.Hardening;

using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Common;
using Remiss.Tests.Features.Documents;
using Remiss.Tests.Features.Files;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>
/// Every place a file can be uploaded gets the same hostile files: a Windows program named .pdf, a file over the
/// 25 MB limit, one over the server's request limit, a zip bomb named .docx. Each is refused with a Swedish message
/// and leaves no row and no file behind. A name with ../ or ..\, control characters or a right-to-left override is
/// refused the same way, next to the file field, with the rest of the form as it was typed.
/// The checks of the content itself are unit-tested in Features/Files (AttachmentIntakeTests, FileTypeDetectorTests);
/// the draft form's executable and 25 MB cases in AttachmentPageTests and the template's in DocumentTemplateTests.
/// </summary>
[Collection(HardeningGroup.Name)]
public sealed class HostileUploadTests(HardeningAppFactory factory)
{
    /// <summary>Over Kestrel's default request limit (30,000,000 bytes), which the app does not change.</summary>
    private const long OverTheRequestLimit = 31_000_000;

    private static readonly (string What, string FileName, Func<byte[]> Content)[] HostileFiles =
    [
        ("a Windows program named .pdf", "rapport.pdf", SampleFiles.WindowsExecutable),
        ("a file one byte over 25 MB", "stor.pdf", () => SampleFiles.PdfOfSize((25L * 1024 * 1024) + 1)),
        ("a zip bomb named .docx", "yttrande.docx", SampleFiles.ZipBomb),
        ("a file over the server's request limit", "enorm.pdf", () => SampleFiles.PdfOfSize(OverTheRequestLimit)),
    ];

    /// <summary>Names no saved file has: folders, every C0 control character, a right-to-left override.</summary>
    private static readonly (string What, string Name)[] HostileNames =
    [
        ("../ folders", "../../etc/passwd.pdf"),
        ("..\\ folders", "..\\x.pdf"),
        ("U+0000 to U+001F", "rap" + new string([.. Enumerable.Range(0, 0x20).Select(c => (char)c)]) + "port.pdf"),
        ("a right-to-left override", "rapport\u202Efdp.exe.pdf"),
    ];

    private static readonly byte[] ValidCsv = System.Text.Encoding.UTF8.GetBytes("Namn;Typ;Funktionsbrevlåda;Kontaktperson\r\nFilnamnsnämnden;Nämnd;;\r\n");

    [Fact]
    public async Task Every_hostile_file_at_every_upload_is_refused_with_a_Swedish_message_and_nothing_is_stored()
    {
        var failed = new List<string>();
        var cases = 0;
        foreach (var point in await UploadPointsAsync())
        {
            foreach (var (what, fileName, content) in HostileFiles)
            {
                var before = await FingerprintAsync();
                var files = FilesOnDisk();
                using var response = await point.UploadAsync(
                    new UploadFile(point.Field, point.Csv ? Path.ChangeExtension(fileName, ".csv") : fileName, content(), "application/octet-stream"),
                    overHttp2: fileName == "enorm.pdf");
                cases++;
                var where = $"{point.Name}: {what}";
                var html = await response.Content.ReadAsStringAsync();
                var page = await WebSession.ParseAsync(response);
                var messages = Messages(page);
                if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                {
                    if (!Kit.MainText(page).Contains("Filen är för stor", StringComparison.Ordinal))
                    {
                        failed.Add($"{where}: 413 without the Swedish page: {Kit.MainText(page)}");
                    }
                }
                else if (response.StatusCode != HttpStatusCode.OK || messages.Count == 0)
                {
                    failed.Add($"{where}: {(int)response.StatusCode} {string.Join(" | ", messages)} {html[..Math.Min(300, html.Length)]}");
                }

                if (await FingerprintAsync() != before)
                {
                    failed.Add($"{where}: a row was stored or changed");
                }

                if (!FilesOnDisk().SequenceEqual(files))
                {
                    failed.Add($"{where}: a file was left in the files folder");
                }
            }
        }

        Assert.True(cases >= 20, $"Only {cases} cases.");
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    [Fact]
    public async Task A_file_over_the_request_limit_sent_chunked_without_a_length_ends_on_the_Swedish_413_page_at_every_upload_and_nothing_is_stored()
    {
        var failed = new List<string>();
        foreach (var point in await UploadPointsAsync())
        {
            var before = await FingerprintAsync();
            var files = FilesOnDisk();
            using var response = await point.UploadChunkedAsync(point.Csv ? "enorm.csv" : "enorm.pdf", OverTheRequestLimit);
            var page = await WebSession.ParseAsync(response);
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || !Kit.MainText(page).Contains("Filen är för stor", StringComparison.Ordinal))
            {
                failed.Add($"{point.Name}: {(int)response.StatusCode} {Kit.MainText(page)[..Math.Min(300, Kit.MainText(page).Length)]}");
            }

            if (await FingerprintAsync() != before)
            {
                failed.Add($"{point.Name}: a row was stored or changed");
            }

            if (!FilesOnDisk().SequenceEqual(files))
            {
                failed.Add($"{point.Name}: a file was left in the files folder");
            }
        }

        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    [Fact]
    public async Task A_name_with_folders_or_control_or_format_characters_is_refused_in_Swedish_next_to_the_file_field_at_every_upload_and_nothing_is_stored()
    {
        var failed = new List<string>();
        var cases = 0;
        var outside = Directory.GetParent(factory.FilesRoot)!.FullName;
        foreach (var point in await UploadPointsAsync())
        {
            foreach (var (what, name) in HostileNames)
            {
                var before = await FingerprintAsync();
                var files = FilesOnDisk();
                var fileName = point.Csv ? Path.ChangeExtension(name, ".csv") : point.Template ? Path.ChangeExtension(name, ".dotx") : name;
                using var response = await point.UploadNamedAsync(fileName, point.Csv ? ValidCsv : point.Template ? DocumentTemplateTests.Template() : SampleFiles.Pdf());
                cases++;
                var where = $"{point.Name}: {what}";
                var page = await WebSession.ParseAsync(response);
                var next = page.GetElementById($"{point.Field}-error");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failed.Add($"{where}: {(int)response.StatusCode} {response.Headers.Location}");
                }
                else if (next is null || !next.ClassList.Contains("field-error") || !Kit.Text(next).Contains("Filnamnet får inte innehålla mappar eller kontrolltecken. Byt namn på filen och försök igen.", StringComparison.Ordinal))
                {
                    failed.Add($"{where}: no Swedish refusal next to the file field ({Kit.Text(next)}); messages: {string.Join(" | ", Messages(page))}");
                }
                else if (page.QuerySelector($"input[type=file][name='{point.Field}']")?.GetAttribute("aria-describedby")?.Split(' ').Contains($"{point.Field}-error") != true)
                {
                    failed.Add($"{where}: the file field is not described by its message");
                }

                foreach (var (field, typed) in point.Typed)
                {
                    var control = page.QuerySelectorAll("[name]").FirstOrDefault(e => e.GetAttribute("name") == field);
                    var kept = control switch
                    {
                        IHtmlInputElement input => input.Value,
                        IHtmlTextAreaElement area => area.Value,
                        _ => null,
                    };
                    if (kept?.Contains(typed, StringComparison.Ordinal) != true)
                    {
                        failed.Add($"{where}: {field} lost what was typed ({kept})");
                    }
                }

                if (await FingerprintAsync() != before)
                {
                    failed.Add($"{where}: a row was stored or changed");
                }

                if (!FilesOnDisk().SequenceEqual(files))
                {
                    failed.Add($"{where}: a file was left in the files folder");
                }
            }
        }

        // Stored files are named by generated keys: nothing named after an upload appears anywhere around the files folder.
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories), f => Regex.IsMatch(Path.GetFileName(f), "passwd|^x\\.|rap", RegexOptions.IgnoreCase));
        Assert.Equal(5 * HostileNames.Length, cases);
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    private async Task<IReadOnlyList<UploadPoint>> UploadPointsAsync()
    {
        var owner = await factory.SignedInAsync(Kit.Owner);
        var asn = await factory.SignedInAsync(Kit.AsnUser);
        var admin = await factory.SignedInAsync("admin@malmo.example");
        var draft = await factory.CopyOfDemoAsync(sent: false);
        var drafting = await factory.CopyOfDemoAsync();
        var preliminary = await factory.CopyOfDemoAsync();
        await SubmitPreliminaryAsync(asn, preliminary);
        return
        [
            new("remiss bilaga", owner, $"{draft.Url}/redigera", "main form[method=post]", "Ladda upp bilaga", "NewAttachment", Extra: new Dictionary<string, string>
            {
                ["Input.Title"] = "Titel skriven före uppladdningen",
            }),
            new("yttrande bilaga", asn, drafting.Yttrande, "main form[data-response-form]", "Ladda upp bilaga", "NewAttachment", Extra: new Dictionary<string, string>
            {
                ["Input.Summary"] = "Sammanfattning skriven före uppladdningen",
            }),
            new("protokollsutdrag", asn, $"{preliminary.Yttrande}/beslut", "main form[enctype='multipart/form-data']", "Spara beslutet", "Protokollsutdrag", Extra: new Dictionary<string, string>
            {
                ["ConfirmedKind"] = "DelegatedDecision",
                ["ConfirmedDecidedBy"] = Kit.AsnName,
                ["ConfirmedDate"] = "2027-01-20",
                ["ConfirmedParagraph"] = "§ 45",
            }),
            new("Word-mall", admin, "/malmo/admin/dokumentmall", "main form[enctype='multipart/form-data']", "Ladda upp mallen", "Mall", Template: true),
            new("CSV-import", admin, "/malmo/admin/organisationer/import", "main form[enctype='multipart/form-data']", null, "Upload", Csv: true),
        ];
    }

    private static async Task SubmitPreliminaryAsync(WebSession asn, SentRemiss remiss)
    {
        var (_, page) = await asn.GetPageAsync(remiss.Yttrande);
        var form = PageForm.Yttrande(page)
            .Set("Input.Summary", "Förvaltningens förslag.")
            .Set("Input.Answers[0].Text", "Svar.")
            .Set("Input.Answers[2].Position", "Supports")
            .Set("Input.DecisionKind", "PreliminaryAnswer");
        var confirm = await asn.RedirectedToAsync(await form.SubmitAsync(asn, "Skicka in yttrande"), $"{remiss.Yttrande}/skicka-in");
        await asn.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(asn, "Bekräfta och skicka in"), remiss.Yttrande);
    }

    /// <summary>Field messages and the error summary: where a refusal is told.</summary>
    private static List<string> Messages(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main .field-error, main .error-summary li").Select(Kit.Text).Where(t => t.Length > 0)];

    private Task<string> FingerprintAsync() =>
        factory.InTenantAsync("malmo", async (db, _) =>
        {
            var attachments = await db.Attachments.AsNoTracking().CountAsync();
            var organisations = await db.Organisations.AsNoTracking().CountAsync();
            var template = (await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "malmo")).DocumentTemplate;
            return $"{attachments} bilagor, {organisations} organisationer, mall {template?.StorageKey ?? "-"}";
        });

    private IReadOnlyList<string> FilesOnDisk() =>
        Directory.Exists(factory.FilesRoot) ? [.. Directory.EnumerateFiles(factory.FilesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    private sealed record UploadPoint(
        string Name, WebSession Session, string Path, string Selector, string? Button, string Field,
        IReadOnlyDictionary<string, string>? Extra = null, bool Template = false, bool Csv = false)
    {
        /// <summary>What is typed into the form's other fields with the upload, and must be there when the page comes back.</summary>
        public IEnumerable<KeyValuePair<string, string>> Typed => (Extra ?? new Dictionary<string, string>()).Where(e => e.Key != "ConfirmedKind");

        /// <summary>The form's own fields (and the extra ones this point needs) as multipart content without the file, and where the button posts.</summary>
        private async Task<(MultipartFormDataContent Content, string Action)> FormFieldsAsync()
        {
            var (_, page) = await Session.GetPageAsync(Path);
            var form = PageForm.Of(page, Selector);
            if (Extra is not null)
            {
                form.Set(Extra);
            }

            var content = new MultipartFormDataContent();
            foreach (var (name, value) in form.Fields)
            {
                content.Add(new StringContent(value), name);
            }

            return (content, form.ActionOf(Button));
        }

        /// <summary>
        /// Chooses a file of <paramref name="size"/> bytes and sends the form chunked (Transfer-Encoding: chunked, no
        /// Content-Length), as a client that streams a file it does not measure first: the server learns the size only
        /// while it reads.
        /// </summary>
        public async Task<HttpResponseMessage> UploadChunkedAsync(string fileName, long size)
        {
            var (content, action) = await FormFieldsAsync();

            content.Add(new StreamContent(new FillerStream(size)), Field, fileName);
            using var handler = new HttpClientHandler
            {
                CookieContainer = Session.Cookies,
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
            };
            using var client = new HttpClient(handler) { BaseAddress = Session.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content, Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            request.Headers.TransferEncodingChunked = true;
            Assert.Null(content.Headers.ContentLength);
            var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }

        /// <summary>
        /// Chooses a file named exactly <paramref name="fileName"/>, control characters and all, as a forged request
        /// names it: the name goes MIME-encoded in the part's Content-Disposition, as .NET and browsers send a
        /// name they cannot put in a header as it is, so the server reads back every character.
        /// </summary>
        public async Task<HttpResponseMessage> UploadNamedAsync(string fileName, byte[] bytes)
        {
            var (content, action) = await FormFieldsAsync();

            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(fileName));
            Assert.True(part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{Field}\"; filename=\"=?utf-8?B?{encoded}?=\""));
            content.Add(part);
            return await Session.PostContentAsync(action, content);
        }

        /// <summary>
        /// Chooses <paramref name="file"/> and presses the button. A request over the server's limit goes over HTTP/2, as
        /// browsers send it: the server may answer before the body is sent, and HTTP/1.1 clients see that as a reset.
        /// </summary>
        public async Task<HttpResponseMessage> UploadAsync(UploadFile file, bool overHttp2 = false)
        {
            var (_, page) = await Session.GetPageAsync(Path);
            var form = PageForm.Of(page, Selector);
            if (Extra is not null)
            {
                form.Set(Extra);
            }

            if (!overHttp2)
            {
                return await form.SubmitAsync(Session, Button, file);
            }

            var content = new MultipartFormDataContent();
            foreach (var (name, value) in form.Fields)
            {
                content.Add(new StringContent(value), name);
            }

            content.Add(new ByteArrayContent(file.Content), file.Field, file.FileName);
            using var handler = new HttpClientHandler
            {
                CookieContainer = Session.Cookies,
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
            };
            using var client = new HttpClient(handler) { BaseAddress = Session.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Post, form.ActionOf(Button)) { Content = content, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }
}

/// <summary>A PDF-looking stream of a given length that cannot say its length: read once, front to back.</summary>
internal sealed class FillerStream(long length) : Stream
{
    private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[i] = at < Header.Length ? Header[at] : (byte)'0';
        }

        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
