namespace Remiss.Tests.Features.Documents;

using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Remiss.Infrastructure.Documents;
using Remiss.Tests.Features.Files;
using Remiss.Tests.Features.Responses;

/// <summary>
/// The tenant admin's Word template at /malmo/admin/dokumentmall: a real .dotx is taken and its styles, header
/// and page set-up shape the sammanställning; disguised, broken, oversized, macro-laden files and zip bombs are
/// refused with a Swedish message by the field and change nothing; only the tenant admin reaches the page.
/// </summary>
public sealed class DocumentTemplateTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private const string Admin = "admin@malmo.example";
    private const string Page = "/malmo/admin/dokumentmall";
    private const string TemplateType = "application/vnd.openxmlformats-officedocument.wordprocessingml.template";

    [Fact]
    public async Task The_admins_template_shapes_the_summary_and_removing_it_brings_back_the_default()
    {
        using var admin = await factory.SignedInAsync(Admin);
        var (_, page) = await admin.GetPageAsync(Page);
        Assert.Contains("Ingen egen mall", Kit.MainText(page), StringComparison.Ordinal);

        var uploaded = await UploadAsync(admin, "Malmö stads mall.dotx", Template());
        var after = await admin.RedirectedToAsync(uploaded, Page);
        Assert.Contains("Malmö stads mall.dotx", Kit.Status(after), StringComparison.Ordinal);
        Assert.Contains("Nuvarande mall: Malmö stads mall.dotx", Kit.MainText(after), StringComparison.Ordinal);

        using (var document = await SummaryAsync())
        {
            Assert.Empty(document.ValidationErrors());
            var firstHeading = document.Body.Descendants<Paragraph>().First(p => WordInspection.TextOf(p) == "Remissinstanser");
            Assert.Equal("Rubrik1", firstHeading.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
            var normal = document.Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Normal");
            Assert.Equal("Georgia", normal.StyleRunProperties!.RunFonts!.Ascii!.Value);
            var header = Assert.Single(document.Package.MainDocumentPart.HeaderParts);
            Assert.Equal("Malmö stad logotyp", WordInspection.TextOf(header.Header!));
            Assert.Single(header.ImageParts);
            Assert.Contains(document.Body.Elements<SectionProperties>().Single().Elements<HeaderReference>(), h => document.Package.MainDocumentPart.GetPartById(h.Id!.Value!) == header);
            Assert.DoesNotContain("Mallens egen text", document.DocumentXml, StringComparison.Ordinal);
            Assert.Single(document.Package.MainDocumentPart.FooterParts);
            Assert.Equal(WordprocessingDocumentType.Document, document.Package.DocumentType);
        }

        var token = await admin.TokenAsync(Page);
        var removed = await admin.PostFormAsync($"{Page}?handler=Remove", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        await admin.RedirectedToAsync(removed, Page);
        Assert.Null(await CurrentTemplateAsync());
        using var plain = await SummaryAsync();
        Assert.Empty(plain.Package.MainDocumentPart!.HeaderParts);
        Assert.Equal("Heading1", plain.Body.Descendants<Paragraph>().First(p => WordInspection.TextOf(p) == "Remissinstanser").ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "a PDF named .dotx", "mall.dotx", "Filen är ingen Word-mall. Välj en .dotx- eller .docx-fil sparad från Word." },
        { "a Windows program named .docx", "mall.docx", "Filen är ingen Word-mall. Välj en .dotx- eller .docx-fil sparad från Word." },
        { "a zip without word/document.xml", "mall.docx", "Filen är ingen Word-mall. Välj en .dotx- eller .docx-fil sparad från Word." },
        { "a zip dressed as a docx without a Word package inside", "mall.docx", "Mallen kunde inte läsas som ett Word-dokument. Spara den på nytt från Word och försök igen." },
        { "a zip bomb", "mall.docx", "Mallen kunde inte läsas som ett Word-dokument. Spara den på nytt från Word och försök igen." },
        { "a macro-enabled template", "mall.dotx", "Mallen innehåller makron. Spara den som .dotx (Word-mall utan makron) och försök igen." },
        { "a file over 25 MB", "mall.docx", "Mallen är för stor. Den får vara högst 25 MB." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_usable_template_is_refused_by_the_field_and_nothing_changes(string what, string fileName, string message)
    {
        var bytes = what switch
        {
            "a PDF named .dotx" => SampleFiles.Pdf(),
            "a Windows program named .docx" => SampleFiles.WindowsExecutable(),
            "a zip without word/document.xml" => SampleFiles.PlainZip(),
            "a zip dressed as a docx without a Word package inside" => SampleFiles.Docx(),
            "a zip bomb" => SampleFiles.ZipBomb(),
            "a macro-enabled template" => Template(WordprocessingDocumentType.MacroEnabledTemplate),
            _ => SampleFiles.PdfOfSize((25L * 1024 * 1024) + 1),
        };
        using var admin = await factory.SignedInAsync(Admin);
        var before = await CurrentTemplateAsync();
        var files = FilesOnDisk();

        using var response = await UploadAsync(admin, fileName, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Remiss.Tests.TestSupport.WebSession.ParseAsync(response);
        Assert.Equal(message, Kit.Text(page.GetElementById("Mall-error")));
        Assert.Contains(message, Kit.Errors(page));
        Assert.Equal(before, await CurrentTemplateAsync());
        Assert.Equal(files, FilesOnDisk());
    }

    [Fact]
    public async Task Pressing_upload_without_a_file_asks_for_one_by_the_field()
    {
        using var admin = await factory.SignedInAsync(Admin);
        var (_, page) = await admin.GetPageAsync(Page);
        using var response = await PageForm.Of(page, "main form[enctype='multipart/form-data']").SubmitAsync(admin, "Ladda upp mallen");
        var after = await TestSupport.WebSession.ParseAsync(response);
        Assert.Equal("Välj en Word-mall att ladda upp.", Kit.Text(after.GetElementById("Mall-error")));
    }

    [Fact]
    public void A_summary_on_a_template_with_lists_of_its_own_numbers_its_lists_apart_and_stays_valid()
    {
        var scenario = new DocumentScenario();
        using var document = WordInspection.Of(output =>
            SummaryDocument.Write(output, scenario.Remiss, scenario.Recipients, WordInspection.Context(scenario.Names, Template()), withResponses: true));
        Assert.Empty(document.ValidationErrors());
        var numbering = document.Package.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        Assert.Equal(numbering.Elements<AbstractNum>().Count(), numbering.Elements<AbstractNum>().Select(a => a.AbstractNumberId!.Value).Distinct().Count());
        Assert.Equal(numbering.Elements<NumberingInstance>().Count(), numbering.Elements<NumberingInstance>().Select(n => n.NumberID!.Value).Distinct().Count());
        var used = document.Body.Descendants<NumberingId>().Select(n => n.Val!.Value).Distinct().ToList();
        Assert.DoesNotContain(1, used);
        Assert.All(used, id => Assert.Contains(numbering.Elements<NumberingInstance>(), n => n.NumberID!.Value == id));
    }

    [Fact]
    public async Task Only_the_tenant_admin_reaches_the_template_page()
    {
        using var owner = await factory.SignedInAsync(Kit.Owner);
        using var denied = await owner.GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        var before = await CurrentTemplateAsync();
        var token = await owner.TokenAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Template()), "Mall", "mall.dotx" },
        };
        using var posted = await owner.PostContentAsync(Page, content);
        Assert.False(posted.StatusCode == HttpStatusCode.Redirect && posted.Headers.Location?.OriginalString == Page, "A handläggare's upload was taken.");
        Assert.Equal(before, await CurrentTemplateAsync());

        using var lund = await factory.SignedInAsync(Kit.LundUser);
        using var other = await lund.GetAsync(Page);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    /// <summary>A .dotx with its own Normal (Georgia), "heading 1" under a Swedish id, a header with a logo and body text of its own.</summary>
    internal static byte[] Template(WordprocessingDocumentType type = WordprocessingDocumentType.Template)
    {
        using var output = new MemoryStream();
        using (var package = WordprocessingDocument.Create(output, type))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia" }))
                {
                    Type = StyleValues.Paragraph,
                    StyleId = "Normal",
                    Default = true,
                },
                new Style(
                    new StyleName { Val = "heading 1" },
                    new BasedOn { Val = "Normal" },
                    new PrimaryStyle(),
                    new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                    new StyleRunProperties(new Color { Val = "8B0000" }))
                {
                    Type = StyleValues.Paragraph,
                    StyleId = "Rubrik1",
                });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.UpperRoman }, new LevelText { Val = "%1." }) { LevelIndex = 0 })
                {
                    AbstractNumberId = 0,
                },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
            var header = main.AddNewPart<HeaderPart>();
            var logo = header.AddImagePart(ImagePartType.Png);
            logo.FeedData(new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")));
            header.Header = new Header(new Paragraph(new Run(new Text("Malmö stad logotyp"))));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Mallens egen text"))),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 1701, Right = 1134, Bottom = 1134, Left = 1134, Header = 567, Footer = 567, Gutter = 0 })));
        }

        return output.ToArray();
    }

    /// <summary>Chooses the file in the page's form and presses "Ladda upp mallen", as the admin's browser would.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(TestSupport.WebSession session, string fileName, byte[] bytes)
    {
        var (_, page) = await session.GetPageAsync(Page);
        return await PageForm.Of(page, "main form[enctype='multipart/form-data']")
            .SubmitAsync(session, "Ladda upp mallen", new UploadFile("Mall", fileName, bytes, TemplateType));
    }

    private async Task<WordInspection> SummaryAsync()
    {
        using var owner = await factory.SignedInAsync(Kit.Owner);
        using var response = await owner.GetAsync($"/malmo/remisser/{factory.DemoId}/sammanstallning");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new WordInspection(await response.Content.ReadAsByteArrayAsync());
    }

    private Task<global::Remiss.Domain.Organisations.DocumentTemplate?> CurrentTemplateAsync() =>
        factory.InTenantAsync("malmo", async (db, _) => (await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == "malmo")).DocumentTemplate);

    private IReadOnlyList<string> FilesOnDisk() =>
        Directory.Exists(factory.FilesRoot) ? [.. Directory.EnumerateFiles(factory.FilesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
}
