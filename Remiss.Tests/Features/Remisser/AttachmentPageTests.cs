namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Html.Dom;
using Remiss.Infrastructure.Files;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// Bilagor on the draft's form: uploaded with everything typed (multipart), checked by content, stored under
/// the app's file root, and streamed back as a download; refused files leave nothing behind.
/// </summary>
public sealed class AttachmentPageTests(FilesAppFactory factory) : IClassFixture<FilesAppFactory>
{
    private const string PdfType = "application/pdf";

    [Fact]
    public async Task ARealPdf_IsUploadedWithTheFormAndDownloadsBackByteIdenticalAsAnAttachment()
    {
        var remiss = await Arrange.RemissAsync(factory);
        var pdf = SampleFiles.Pdf();
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page)
            .Set("Input.Title", "Titel skriven före uppladdningen")
            .SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "Remisshandling STK-2023-137.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera#bilagor", response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal("Titel skriven före uppladdningen", stored.Title);
        var attachment = Assert.Single(stored.Attachments);
        Assert.Equal("Remisshandling STK-2023-137.pdf", attachment.FileName);
        Assert.Equal(pdf.Length, attachment.SizeBytes);

        var (_, edit) = await session.FollowAsync(response);
        Assert.Contains("Bilagan Remisshandling STK-2023-137.pdf är uppladdad.", Html.Status(edit), StringComparison.Ordinal);
        var link = edit.QuerySelectorAll("section[aria-labelledby=bilagor] a").Single(a => Html.Text(a) == "Remisshandling STK-2023-137.pdf");
        Assert.Equal($"{remiss.Url}/bilagor/{attachment.Id}", link.GetAttribute("href"));
        Assert.Contains("Ta bort Remisshandling STK-2023-137.pdf", Html.ButtonTexts(edit.QuerySelector("main form")!));

        using var download = await session.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(PdfType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Remisshandling STK-2023-137.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task TheFileName_IsCleanedOfCharactersWindowsRefuses_AndGetsTheExtensionOfItsRealType()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "Remiss<1>.docx", SampleFiles.Pdf(), "application/msword"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attachment = Assert.Single((await Arrange.StoredAsync(factory, remiss.Id)).Attachments);
        Assert.Equal("Remiss1.pdf", attachment.FileName);
        Assert.Equal(PdfType, attachment.ContentType);
    }

    [Fact]
    public async Task AnExecutableNamedRapportPdf_IsRefusedWithTheSwedishMessage_AndNothingIsStored()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var filesBefore = factory.StoredFiles();

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "rapport.pdf", SampleFiles.Elf()));
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filtypen stöds inte. Bifoga PDF, Word (.docx), OpenDocument-text (.odt) eller Excel (.xlsx).", Html.Summary(refused));
        Assert.Empty((await Arrange.StoredAsync(factory, remiss.Id)).Attachments);
        Assert.Equal(filesBefore, factory.StoredFiles());
        Assert.DoesNotContain("rapport.pdf", Html.Text(refused.QuerySelector("section[aria-labelledby=bilagor]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOver25MB_IsRefusedWithTheSwedishMessage_AndNothingIsStored()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var filesBefore = factory.StoredFiles();

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "stor.pdf", SampleFiles.PdfOfSize(26L * 1024 * 1024)));
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen är för stor. En bilaga får vara högst 25 MB.", Html.Summary(refused));
        Assert.Empty((await Arrange.StoredAsync(factory, remiss.Id)).Attachments);
        Assert.Equal(filesBefore, factory.StoredFiles());
    }

    [Fact]
    public async Task ARefusedUpload_ShowsItsMessageNextToTheUploadField()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "rapport.pdf", SampleFiles.Elf()));
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Filtypen stöds inte. Bifoga PDF, Word (.docx), OpenDocument-text (.odt) eller Excel (.xlsx).", Html.FieldError(refused, "NewAttachment"));
    }

    [Fact]
    public async Task AfterARefusedUpload_SparaUtkastOnTheReturnedPage_Saves()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        using var refusedResponse = await BrowserForm.Of(page).SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "rapport.pdf", SampleFiles.Elf()));
        var refused = await WebSession.ParseAsync(refusedResponse);

        using var response = await BrowserForm.Of(refused).Set("Input.Title", "Titel efter nekad bilaga").SubmitAsync(session, "Spara utkast");

        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}: {string.Join(" / ", Html.Summary(await WebSession.ParseAsync(response)))}");
        Assert.Equal("Titel efter nekad bilaga", (await Arrange.StoredAsync(factory, remiss.Id)).Title);
    }

    [Fact]
    public async Task RemovingAnAttachment_DeletesItsRecordItsFileAndItsDownload()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true });
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var filesBefore = factory.StoredFiles().Count;

        using var response = await BrowserForm.Of(page).Set("Input.Title", "Titel vid borttag").SubmitAsync(session, "Ta bort Remisshandling.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera#bilagor", response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Empty(stored.Attachments);
        Assert.Equal("Titel vid borttag", stored.Title);
        Assert.Equal(filesBefore - 1, factory.StoredFiles().Count);
        using var download = await session.GetAsync($"{remiss.Url}/bilagor/{remiss.AttachmentId}");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        var (_, edit) = await session.FollowAsync(response);
        Assert.Contains("Bilagan är borttagen.", Html.Status(edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAnAttachmentThatIsNotThere_IsNotFoundAndChangesNothing()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true });
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var form = BrowserForm.Of(page);

        using var response = await session.PostContentAsync($"{remiss.Url}/redigera?handler=RemoveAttachment&attachmentId={Guid.NewGuid()}", BrowserForm.Multipart(form.Fields, null));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single((await Arrange.StoredAsync(factory, remiss.Id)).Attachments);
    }

    [Fact]
    public async Task RemovingTheAttachmentOfAnotherDraftThroughThisDraftsForm_IsNotFoundAndRemovesNeither()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true });
        var other = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true });
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var files = factory.StoredFiles().Count;

        using var response = await session.PostContentAsync($"{remiss.Url}/redigera?handler=RemoveAttachment&attachmentId={other.AttachmentId}", BrowserForm.Multipart(BrowserForm.Of(page).Fields, null));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single((await Arrange.StoredAsync(factory, remiss.Id)).Attachments);
        Assert.Equal(other.AttachmentId, Assert.Single((await Arrange.StoredAsync(factory, other.Id)).Attachments).Id);
        Assert.Equal(files, factory.StoredFiles().Count);
    }

    [Fact]
    public async Task ARecipient_MayDownloadTheAttachmentOnlyOnceTheRemissIsSent()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true });
        using var recipient = factory.NewSession();
        await recipient.SignInAsync(Arrange.AsnUser);
        var path = $"{remiss.Url}/bilagor/{remiss.AttachmentId}";

        using var whileDraft = await recipient.GetAsync(path);
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => r.Send(Arrange.Today, c.Now));
        using var afterSending = await recipient.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, whileDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterSending.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await afterSending.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(afterSending.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData(Arrange.Admin)]
    [InlineData("grundskola@malmo.example")]
    public async Task SomeoneNeitherOwnerNorRecipient_CannotDownloadTheAttachmentEvenAfterSending(string email)
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { WithAttachment = true, Recipients = [Arrange.Asn], Sent = true });
        using var session = factory.NewSession();
        await session.SignInAsync(email);

        using var response = await session.GetAsync($"{remiss.Url}/bilagor/{remiss.AttachmentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsAttachmentId_IsNotFound()
    {
        var malmo = await Arrange.RemissAsync(factory);
        var lundRemiss = await Arrange.DemoRemissIdAsync(factory, "lund");
        using var lund = factory.NewSession();
        await lund.SignInAsync(Arrange.LundUser);
        var (_, lundEdit) = await lund.GetPageAsync($"/lund/remisser/{lundRemiss}/redigera");
        using var upload = await BrowserForm.Of(lundEdit).SubmitAsync(lund, "Ladda upp bilaga", new ChosenFile("NewAttachment", "Avfallsplan.pdf", SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var lundAttachment = (await Arrange.StoredAsync(factory, lundRemiss, "lund")).Attachments.Single(a => a.FileName == "Avfallsplan.pdf").Id;
        using var owner = await OwnerAsync();

        using var underMalmosRemiss = await owner.GetAsync($"{malmo.Url}/bilagor/{lundAttachment}");
        using var underLundsRemiss = await owner.GetAsync($"/malmo/remisser/{lundRemiss}/bilagor/{lundAttachment}");
        using var underLund = await owner.GetAsync($"/lund/remisser/{lundRemiss}/bilagor/{lundAttachment}");
        using var lundsOwn = await lund.GetAsync($"/lund/remisser/{lundRemiss}/bilagor/{lundAttachment}");

        Assert.Equal(HttpStatusCode.NotFound, underMalmosRemiss.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underLundsRemiss.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, underLund.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lundsOwn.StatusCode);
    }

    [Fact]
    public async Task AfterSending_AnUploadIsRefused()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) => r.Send(Arrange.Today, c.Now));

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Ladda upp bilaga", new ChosenFile("NewAttachment", "sen.pdf", SampleFiles.Pdf()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(remiss.Url, response.Target());
        Assert.Empty((await Arrange.StoredAsync(factory, remiss.Id)).Attachments);
    }

    private async Task<WebSession> OwnerAsync()
    {
        var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        return session;
    }
}
