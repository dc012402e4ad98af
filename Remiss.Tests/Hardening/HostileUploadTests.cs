namespace Remiss.Tests.Hardening;

using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Remiss.Tests.Features.Files;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>
/// Every place a file can be uploaded gets the same hostile files: a Windows program named .pdf, a file over the
/// 25 MB limit, one over the server's request limit, a zip bomb named .docx. Each is refused with a Swedish message
/// and leaves no row and no file behind. Names with ../ and control characters never reach a stored name.
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

    private static readonly string[] HostileNames = ["../../../../etc/passwd.pdf", "..\\..\\Windows\\win.ini.pdf", "rap\u0007port\u000B\u001F\u202Efdp.exe.pdf"];

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
    public async Task A_name_with_folders_or_control_characters_never_reaches_the_stored_name_or_leaves_the_files_folder()
    {
        var failed = new List<string>();
        var outside = Directory.GetParent(factory.FilesRoot)!.FullName;
        // The protokollsutdrag is left out: the first accepted file completes the decision and the form is gone.
        foreach (var point in (await UploadPointsAsync()).Where(p => !p.Csv && !p.Template && p.Extra is null))
        {
            foreach (var name in HostileNames)
            {
                using var response = await point.UploadAsync(new UploadFile(point.Field, name, SampleFiles.Pdf()));
                if ((int)response.StatusCode >= 500)
                {
                    failed.Add($"{point.Name} {name}: {(int)response.StatusCode}");
                }
            }
        }

        var names = await factory.InTenantAsync("malmo", (db, _) => db.Attachments.AsNoTracking().Select(a => a.FileName).ToListAsync());
        foreach (var stored in names.Where(n => n.Contains('/', StringComparison.Ordinal) || n.Contains('\\', StringComparison.Ordinal) || n.Contains("..", StringComparison.Ordinal) || n.Any(c => char.IsControl(c) || c == '\u202E')))
        {
            failed.Add($"a stored name keeps what it should not: {stored}");
        }

        // Stored files are named by generated keys: nothing named after the upload appears anywhere around the files folder.
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories), f => Regex.IsMatch(Path.GetFileName(f), "passwd|win\\.ini|rap", RegexOptions.IgnoreCase));
        Assert.All(FilesOnDisk(), f => Assert.StartsWith(Path.GetFullPath(factory.FilesRoot), Path.GetFullPath(f), StringComparison.Ordinal));
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
            new("remiss bilaga", owner, $"{draft.Url}/redigera", "main form[method=post]", "Ladda upp bilaga", "NewAttachment"),
            new("yttrande bilaga", asn, drafting.Yttrande, "main form[data-response-form]", "Ladda upp bilaga", "NewAttachment"),
            new("protokollsutdrag", asn, preliminary.Yttrande, "main form[action*='handler=ConfirmDecision']", "Spara beslutet", "Protokollsutdrag", Extra: new Dictionary<string, string>
            {
                ["ConfirmedKind"] = "BoardDecision",
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
