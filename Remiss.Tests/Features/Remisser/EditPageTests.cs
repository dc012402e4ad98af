namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Html.Dom;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The draft's form (/{tenant}/remisser/{id}/redigera) as its owner uses it without scripts: every button posts
/// the whole form, so what was typed is saved with the button's own action, or shown again with Swedish
/// messages when something is refused. Each test writes its own draft.
/// </summary>
public sealed class EditPageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private static RemissSpec ThreeQuestions => new()
    {
        Questions =
        [
            QuestionDefinition.FreeText("Vilka utmaningar ser ni?", required: true),
            QuestionDefinition.PositionOn("Tillstyrker ni förslaget?"),
            QuestionDefinition.TrafficLightOf("Hur går arbetet?", ["Trygghet", "Boende"], required: true),
        ],
    };

    // ---- The form ------------------------------------------------------------------------------------

    [Fact]
    public async Task EditPage_ShowsTheDraftInLabelledFields_QuestionRows_RecipientCheckboxes_AndTheButtons()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();

        var (response, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(remiss.Title, Input(page, "Titel").Value);
        Assert.Equal(remiss.Diarienummer, Input(page, "Diarienummer").Value);
        Assert.Equal("2027-03-31", Input(page, "Sista svarsdag").Value);
        Assert.Equal("date", Input(page, "Sista svarsdag").Type);
        Assert.Equal("Stadskontoret remitterar förslaget.", TextArea(page, "Beskrivning").Value.Trim());
        Assert.Equal("Vilka utmaningar ser ni?", TextArea(page, "Frågetext 1").Value.Trim());
        Assert.Equal("Tillstyrker ni förslaget?", TextArea(page, "Frågetext 2").Value.Trim());
        Assert.Equal("FreeText", Select(page, "Frågetyp 1").Value);
        Assert.Equal("Position", Select(page, "Frågetyp 2").Value);
        Assert.Equal(["Fritext", "Ställningstagande", "Val", "Trafikljus"], Select(page, "Frågetyp 1").Options.Select(o => Html.Text(o)).ToList());
        Assert.True(Input(page, "Fråga 1 är obligatorisk").IsChecked);
        Assert.True(Input(page, Arrange.Asn).IsChecked);
        Assert.True(Input(page, Arrange.Mkb).IsChecked);
        Assert.False(Input(page, "Fritidsnämnden").IsChecked);
        var buttons = Html.ButtonTexts(page.QuerySelector("main form")!);
        foreach (var expected in new[] { "Lägg till fråga", "Spara utkast", "Förhandsgranska", "Skicka remiss", "Ladda upp bilaga", "Ta bort fråga 1", "Flytta ned fråga 1", "Flytta upp fråga 2", "Välj alla nämnder", "Välj alla bolag" })
        {
            Assert.Contains(expected, buttons);
        }

        Assert.DoesNotContain("Flytta upp fråga 1", buttons);
        Assert.DoesNotContain("Flytta ned fråga 2", buttons);
    }

    [Fact]
    public async Task SparaUtkast_KeepsEveryField_TitleDiarienummerDescriptionDeadlineContactQuestionsAndRecipients()
    {
        var remiss = await Arrange.RemissAsync(factory);
        var ids = await Arrange.OrganisationIdsAsync(factory);
        var diarienummer = $"STK-2026-{Arrange.Unique()}";
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var description = "Förslaget gäller Rosengård & Hermodsdal.\nAndra raden i stycket.\n\n- Trygghet\n- Boende\n\nSista stycket.";

        var form = BrowserForm.Of(page)
            .Set("Input.Title", "Områdeslyft i Malmö 2027")
            .Set("Input.Diarienummer", diarienummer)
            .Set("Input.Description", description.Replace("\n", "\r\n", StringComparison.Ordinal))
            .Set("Input.Deadline", "2027-04-15")
            .Set("Input.ContactName", "Mia Ideström")
            .Set("Input.ContactEmail", "mia.idestrom@malmo.example")
            .Set("Input.Questions[0].Text", "Vilka behov ser ni?")
            .Set("Input.Questions[1].Text", "Vilken nämnd bör samordna?")
            .Set("Input.Questions[1].Type", "Choice")
            .Set("Input.Questions[1].Options", "Stadskontoret\r\nTekniska nämnden\r\n")
            .Check("Input.Questions[1].AllowsSeveralChoices")
            .Remove("Input.Questions[1].IsRequired")
            .Set("Input.Questions[2].Text", "Hur går arbetet inom områdena?")
            .Set("Input.Questions[2].Type", "TrafficLight")
            .Set("Input.Questions[2].Items", "Trygghet\r\nBoende\r\nArbete")
            .Check("Input.Questions[2].IsRequired")
            .Set("Input.Questions[3].Text", "Vem bör leda arbetet?")
            .Set("Input.Questions[3].Type", "Choice")
            .Check("Input.Questions[3].OptionsAreOrganisations")
            .Remove("Input.RecipientIds", ids[Arrange.Mkb].ToString())
            .Check("Input.RecipientIds", ids["Fritidsnämnden"].ToString());
        using var response = await form.SubmitAsync(session, "Spara utkast");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera", response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal("Områdeslyft i Malmö 2027", stored.Title);
        Assert.Equal(diarienummer, stored.Diarienummer);
        Assert.Equal(
            "<p>Förslaget gäller Rosengård &amp; Hermodsdal.<br>Andra raden i stycket.</p><ul><li>Trygghet</li><li>Boende</li></ul><p>Sista stycket.</p>",
            stored.Description);
        Assert.Equal(new DateOnly(2027, 4, 15), stored.Deadline);
        Assert.Equal("Mia Ideström", stored.ContactName);
        Assert.Equal("mia.idestrom@malmo.example", stored.ContactEmail);
        var questions = stored.Questions;
        Assert.Equal(4, questions.Count);
        Assert.Equal([1, 2, 3, 4], questions.Select(q => q.Number));
        Assert.Equal(("Vilka behov ser ni?", QuestionType.FreeText, true), (questions[0].Text, questions[0].Type, questions[0].IsRequired));
        Assert.Equal(("Vilken nämnd bör samordna?", QuestionType.Choice, false, true), (questions[1].Text, questions[1].Type, questions[1].IsRequired, questions[1].AllowsSeveralChoices));
        Assert.Equal(["Stadskontoret", "Tekniska nämnden"], questions[1].Options);
        Assert.Equal((QuestionType.TrafficLight, true), (questions[2].Type, questions[2].IsRequired));
        Assert.Equal(["Trygghet", "Boende", "Arbete"], questions[2].Items);
        Assert.True(questions[3].OptionsAreOrganisations);
        Assert.Empty(questions[3].Options);
        Assert.Equal(
            new[] { ids[Arrange.Asn], ids[Arrange.Grundskola], ids[Arrange.Tekniska], ids["Fritidsnämnden"] }.Order(),
            stored.Recipients.Select(r => r.OrganisationId).Order());

        var (_, again) = await session.FollowAsync(response);
        Assert.Contains("Utkastet är sparat.", Html.Status(again), StringComparison.Ordinal);
        Assert.Equal("Områdeslyft i Malmö 2027", Input(again, "Titel").Value);
        Assert.Equal(description, TextArea(again, "Beskrivning").Value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("2027-04-15", Input(again, "Sista svarsdag").Value);
        Assert.Equal("Mia Ideström", Input(again, "Kontaktperson").Value);
        Assert.Equal("mia.idestrom@malmo.example", Input(again, "Kontaktpersonens e-post").Value);
        Assert.Equal("Choice", Select(again, "Frågetyp 2").Value);
        Assert.Equal("Stadskontoret\nTekniska nämnden", TextArea(again, "Svarsalternativ till fråga 2").Value.Trim());
        Assert.True(Input(again, "Flera alternativ får väljas i fråga 2").IsChecked);
        Assert.False(Input(again, "Fråga 2 är obligatorisk").IsChecked);
        Assert.Equal("Trygghet\nBoende\nArbete", TextArea(again, "Punkter att bedöma i fråga 3").Value.Trim());
        Assert.True(Input(again, "Alternativen till fråga 4 är kommunens organisationer").IsChecked);
        Assert.True(Input(again, "Fritidsnämnden").IsChecked);
        Assert.False(Input(again, Arrange.Mkb).IsChecked);
    }

    [Fact]
    public async Task ADescriptionSavedTwiceWithoutChanges_StaysTheSame()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Description = "<p>Första stycket.<br>Rad två.</p><ol><li>Ett</li><li>Två</li></ol>" });
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var first = await BrowserForm.Of(page).SubmitAsync(session, "Spara utkast");
        var (_, again) = await session.FollowAsync(first);
        using var second = await BrowserForm.Of(again).SubmitAsync(session, "Spara utkast");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("<p>Första stycket.<br>Rad två.</p><ol><li>Ett</li><li>Två</li></ol>", (await Arrange.StoredAsync(factory, remiss.Id)).Description);
    }

    // ---- Question rows --------------------------------------------------------------------------------

    [Fact]
    public async Task LaggTillFraga_AddsARowNumberedAfterTheOthers_AndSavesWhatWasTyped()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page)
            .Set("Input.Title", "Titel skriven före ny fråga")
            .Set("Input.Questions[1].Text", "Ändrad andra fråga")
            .SubmitAsync(session, "Lägg till fråga");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera#fraga-3", response.Target());
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal("Titel skriven före ny fråga", stored.Title);
        Assert.Equal(["Vilka utmaningar ser ni?", "Ändrad andra fråga", string.Empty], stored.Questions.Select(q => q.Text));
        Assert.Equal(QuestionType.FreeText, stored.Questions[2].Type);
        var (_, again) = await session.FollowAsync(response);
        Assert.Contains("Fråga 3 är tillagd.", Html.Status(again), StringComparison.Ordinal);
        Assert.NotNull(again.GetElementById("fraga-3"));
        Assert.Equal(string.Empty, TextArea(again, "Frågetext 3").Value.Trim());
    }

    [Fact]
    public async Task TaBortFraga_RemovesThatRow_RenumbersTheRest_AndKeepsWhatWasTyped()
    {
        var remiss = await Arrange.RemissAsync(factory, ThreeQuestions);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page)
            .Set("Input.Questions[2].Text", "Ändrad tredje fråga")
            .SubmitAsync(session, "Ta bort fråga 2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var questions = (await Arrange.StoredAsync(factory, remiss.Id)).Questions;
        Assert.Equal([1, 2], questions.Select(q => q.Number));
        Assert.Equal(["Vilka utmaningar ser ni?", "Ändrad tredje fråga"], questions.Select(q => q.Text));
        Assert.Equal([QuestionType.FreeText, QuestionType.TrafficLight], questions.Select(q => q.Type));
        Assert.Equal([true, true], questions.Select(q => q.IsRequired));
        Assert.Equal(["Trygghet", "Boende"], questions[1].Items);
        var (_, again) = await session.FollowAsync(response);
        Assert.Contains("Fråga 2 är borttagen.", Html.Status(again), StringComparison.Ordinal);
        Assert.Equal("Ändrad tredje fråga", TextArea(again, "Frågetext 2").Value.Trim());
        Assert.Null(again.GetElementById("fraga-3"));
    }

    [Fact]
    public async Task FlyttaUpp_SwapsTheQuestionWithTheOneAbove_KeepingEverythingOfBoth()
    {
        var remiss = await Arrange.RemissAsync(factory, ThreeQuestions);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page)
            .Set("Input.Questions[1].Text", "Ändrad andra fråga")
            .SubmitAsync(session, "Flytta upp fråga 3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera#fraga-2", response.Target());
        var questions = (await Arrange.StoredAsync(factory, remiss.Id)).Questions;
        Assert.Equal(["Vilka utmaningar ser ni?", "Hur går arbetet?", "Ändrad andra fråga"], questions.Select(q => q.Text));
        Assert.Equal([QuestionType.FreeText, QuestionType.TrafficLight, QuestionType.Position], questions.Select(q => q.Type));
        Assert.Equal([true, true, false], questions.Select(q => q.IsRequired));
        Assert.Equal(["Trygghet", "Boende"], questions[1].Items);
        var (_, again) = await session.FollowAsync(response);
        Assert.Equal("Hur går arbetet?", TextArea(again, "Frågetext 2").Value.Trim());
        Assert.Equal("TrafficLight", Select(again, "Frågetyp 2").Value);
    }

    [Fact]
    public async Task FlyttaNed_SwapsTheQuestionWithTheOneBelow()
    {
        var remiss = await Arrange.RemissAsync(factory, ThreeQuestions);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).SubmitAsync(session, "Flytta ned fråga 2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{remiss.Url}/redigera#fraga-3", response.Target());
        var questions = (await Arrange.StoredAsync(factory, remiss.Id)).Questions;
        Assert.Equal(["Vilka utmaningar ser ni?", "Hur går arbetet?", "Tillstyrker ni förslaget?"], questions.Select(q => q.Text));
        Assert.Equal([true, true, false], questions.Select(q => q.IsRequired));
    }

    [Fact]
    public async Task MovingTheLastQuestionDown_ByAForgedIndex_ChangesNothingButWhatWasTyped()
    {
        var remiss = await Arrange.RemissAsync(factory, ThreeQuestions);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var form = BrowserForm.Of(page).Set("Input.Title", "Skriven titel");

        using var response = await session.PostContentAsync($"{remiss.Url}/redigera?handler=MoveQuestionDown&index=2", BrowserForm.Multipart(form.Fields, null));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(["Vilka utmaningar ser ni?", "Tillstyrker ni förslaget?", "Hur går arbetet?"], stored.Questions.Select(q => q.Text));
    }

    // ---- Recipients ------------------------------------------------------------------------------------

    [Fact]
    public async Task ValjAllaBolag_And_ValjAllaNamnder_TickEveryOrganisationOfTheGroup_AndKeepTheOthers()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Recipients = [Arrange.Asn] });
        var ids = await Arrange.OrganisationIdsAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var bolag = await BrowserForm.Of(page).Set("Input.Title", "Titel skriven före gruppval").SubmitAsync(session, "Välj alla bolag");
        var afterBolag = await Arrange.StoredAsync(factory, remiss.Id);
        var (_, again) = await session.FollowAsync(bolag);
        using var namnder = await BrowserForm.Of(again).SubmitAsync(session, "Välj alla nämnder");
        var afterNamnder = await Arrange.StoredAsync(factory, remiss.Id);

        Assert.Equal($"{remiss.Url}/redigera#remissinstanser", bolag.Target());
        Assert.Equal("Titel skriven före gruppval", afterBolag.Title);
        Assert.Equal(
            new[] { Arrange.Asn, "MKB", "Parkering Malmö", "Parkeringsövervakning i Malmö AB" }.Select(n => ids[n]).Order(),
            afterBolag.Recipients.Select(r => r.OrganisationId).Order());
        Assert.Equal(Arrange.DemoRecipients.Select(n => ids[n]).Order(), afterNamnder.Recipients.Select(r => r.OrganisationId).Order());
        Assert.DoesNotContain(ids[Arrange.Stadskontoret], afterNamnder.Recipients.Select(r => r.OrganisationId));
        var (_, ticked) = await session.FollowAsync(namnder);
        Assert.All(Arrange.DemoRecipients, name => Assert.True(Input(ticked, name).IsChecked, name));
    }

    [Fact]
    public async Task TheOwnersOwnOrganisation_IsNotOfferedAsARecipient()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        var picker = page.QuerySelector("section[aria-labelledby=remissinstanser]")!;
        Assert.DoesNotContain("Stadskontoret", picker.QuerySelectorAll("label").Select(Html.Text));
        Assert.Contains("Stadskontoret äger remissen och kan inte vara remissinstans.", Html.Text(picker), StringComparison.Ordinal);
        Assert.DoesNotContain("Välj alla förvaltningar", Html.ButtonTexts(picker));
    }

    [Fact]
    public async Task AForgedPostWithTheOwnerAsRecipient_DoesNotMakeTheOwnerARecipient()
    {
        var remiss = await Arrange.RemissAsync(factory);
        var owner = await Arrange.OrganisationIdAsync(factory, Arrange.Stadskontoret);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Add("Input.RecipientIds", owner.ToString()).SubmitAsync(session, "Spara utkast");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.DoesNotContain(owner, stored.Recipients.Select(r => r.OrganisationId));
        Assert.Equal(4, stored.Recipients.Count);
    }

    [Fact]
    public async Task AForgedPostWithAnOrganisationOfLundAsRecipient_IsRefused()
    {
        var remiss = await Arrange.RemissAsync(factory);
        var lunds = await Arrange.OrganisationIdAsync(factory, "Miljönämnden", "lund");
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page).Add("Input.RecipientIds", lunds.ToString()).SubmitAsync(session, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("En vald remissinstans finns inte.", Html.Summary(await WebSession.ParseAsync(response)));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task AForgedSenderTheUserIsNotAMemberOf_IsRefused()
    {
        var remiss = await Arrange.RemissAsync(factory);
        var asn = await Arrange.OrganisationIdAsync(factory, Arrange.Asn);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page).Set("Input.OwnerOrganisationId", asn.ToString()).SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Välj en organisation som du är medlem i.", Html.Summary(refused));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    // ---- Refusals ----------------------------------------------------------------------------------------

    [Fact]
    public async Task AValidationError_ShowsSwedishMessagesAtTheFieldsAndInTheSummary_AndKeepsAllInputIncludingUnsavedQuestions()
    {
        var remiss = await Arrange.RemissAsync(factory);
        var ids = await Arrange.OrganisationIdsAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page)
            .Set("Input.Title", string.Empty)
            .Set("Input.Diarienummer", "STK-2026-999")
            .Set("Input.Description", "Nytt stycke.\r\n\r\n- punkt")
            .Set("Input.Deadline", "2027-06-01")
            .Set("Input.ContactName", "Mia Ideström")
            .Set("Input.ContactEmail", "mia.idestrom")
            .Set("Input.Questions[1].Text", "Ändrad andra fråga")
            .Set("Input.Questions[2].Text", "Helt ny tredje fråga")
            .Set("Input.Questions[2].Type", "Choice")
            .Set("Input.Questions[2].Options", "Ja\r\nNej")
            .Check("Input.RecipientIds", ids["Fritidsnämnden"].ToString())
            .SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en titel.", Html.FieldError(refused, "Input_Title"));
        Assert.Equal("Ange en giltig e-postadress, till exempel namn@kommun.se.", Html.FieldError(refused, "Input_ContactEmail"));
        Assert.Contains("Ange en titel.", Html.Summary(refused));
        Assert.Contains("Ange en giltig e-postadress, till exempel namn@kommun.se.", Html.Summary(refused));
        Assert.Equal("Det finns fel i formuläret", Html.Text(refused.QuerySelector("main .error-summary h2")));
        Assert.Equal(string.Empty, Input(refused, "Titel").Value);
        Assert.Equal("STK-2026-999", Input(refused, "Diarienummer").Value);
        Assert.Equal("Nytt stycke.\n\n- punkt", TextArea(refused, "Beskrivning").Value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("2027-06-01", Input(refused, "Sista svarsdag").Value);
        Assert.Equal("Mia Ideström", Input(refused, "Kontaktperson").Value);
        Assert.Equal("mia.idestrom", Input(refused, "Kontaktpersonens e-post").Value);
        Assert.Equal("Ändrad andra fråga", TextArea(refused, "Frågetext 2").Value.Trim());
        Assert.Equal("Helt ny tredje fråga", TextArea(refused, "Frågetext 3").Value.Trim());
        Assert.Equal("Choice", Select(refused, "Frågetyp 3").Value);
        Assert.Equal("Ja\nNej", TextArea(refused, "Svarsalternativ till fråga 3").Value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(Input(refused, "Fritidsnämnden").IsChecked);
        Assert.True(Input(refused, Arrange.Asn).IsChecked);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task AValidationErrorOnLaggTillFraga_ShowsTheNewRowUnsaved_AndKeepsWhatWasTyped()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page)
            .Set("Input.Title", "   ")
            .Set("Input.Questions[0].Text", "Skriven men inte sparad")
            .SubmitAsync(session, "Lägg till fråga");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en titel.", Html.FieldError(refused, "Input_Title"));
        Assert.Equal("Skriven men inte sparad", TextArea(refused, "Frågetext 1").Value.Trim());
        Assert.NotNull(refused.GetElementById("fraga-3"));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task AfterARefusedLaggTillFraga_SparaUtkastOnTheReturnedPage_SavesWithoutAddingYetAnotherQuestion()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        using var refusedResponse = await BrowserForm.Of(page).Set("Input.Title", string.Empty).SubmitAsync(session, "Lägg till fråga");
        var refused = await WebSession.ParseAsync(refusedResponse);

        // The person fills in the title and presses "Spara utkast" on the page they got back.
        var form = BrowserForm.Of(refused).Set("Input.Title", "Rättad titel");
        using var response = await form.SubmitAsync(session, "Spara utkast");

        Assert.Equal($"{remiss.Url}/redigera", form.ActionOf("Spara utkast"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal("Rättad titel", stored.Title);
        Assert.Equal(3, stored.Questions.Count);
    }

    [Fact]
    public async Task ADuplicateDiarienummerInTheTenant_IsRefusedWithAMessageAtTheDiarienummerField()
    {
        var other = await Arrange.RemissAsync(factory);
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page)
            .Set("Input.Diarienummer", $" {other.Diarienummer} ")
            .Set("Input.Title", "Titel som inte sparas")
            .SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = $"Diarienumret {other.Diarienummer} används redan av en annan remiss.";
        Assert.Equal(message, Html.FieldError(refused, "Input_Diarienummer"));
        Assert.Contains(message, Html.Summary(refused));
        Assert.Equal("Titel som inte sparas", Input(refused, "Titel").Value);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task TheDiarienummerOfARemissInLund_MayBeUsedInMalmo()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Set("Input.Diarienummer", "KS 2026/0412").SubmitAsync(session, "Spara utkast");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("KS 2026/0412", (await Arrange.StoredAsync(factory, remiss.Id)).Diarienummer);
    }

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-22")]
    [InlineData("2020-01-01")]
    public async Task ASistaSvarsdagOfTodayOrEarlier_IsRefusedWithAMessageAtTheField(string deadline)
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page).Set("Input.Deadline", deadline).SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en sista svarsdag efter dagens datum.", Html.FieldError(refused, "Input_Deadline"));
        Assert.Contains("Ange en sista svarsdag efter dagens datum.", Html.Summary(refused));
        Assert.Equal(deadline, Input(refused, "Sista svarsdag").Value);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task ASistaSvarsdagLessThanThreeWeeksAway_IsSavedWithAWarning()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Set("Input.Deadline", "2026-12-01").SubmitAsync(session, "Spara utkast");
        var (_, saved) = await session.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 1), (await Arrange.StoredAsync(factory, remiss.Id)).Deadline);
        Assert.Contains("Observera: sista svarsdag är mindre än tre veckor bort.", Html.Status(saved), StringComparison.Ordinal);
        Assert.Contains("mindre än tre veckor bort", Html.Text(saved.QuerySelector("main .warning-message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASistaSvarsdagExactlyThreeWeeksAway_IsSavedWithoutAWarning()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Set("Input.Deadline", "2026-12-14").SubmitAsync(session, "Spara utkast");
        var (_, saved) = await session.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(saved.QuerySelector("main .warning-message"));
        Assert.DoesNotContain("Observera", Html.Status(saved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTitle_HasACounterOfCharactersLeft_AndNoMaxlengthThatWouldCutItSilently()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();

        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        var title = Input(page, "Titel");
        Assert.False(title.HasAttribute("maxlength"));
        var counter = page.GetElementById("Input_Title-count")!;
        Assert.Equal("Högst 300 tecken.", Html.Text(counter));
        Assert.Equal("300", counter.GetAttribute("data-max"));
        Assert.Contains("Input_Title-count", title.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src^='/js/character-count.js']"));
    }

    [Fact]
    public async Task ATooLongTitle_IsRefusedAtTheField_AndKeptWhole()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);
        var tooLong = new string('t', Remiss.TitleMaxLength + 1);

        using var response = await BrowserForm.Of(page).Set("Input.Title", tooLong).SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ange en titel på högst 300 tecken.", Html.FieldError(refused, "Input_Title"));
        Assert.Equal(tooLong, Input(refused, "Titel").Value);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task ATooLongQuestionText_IsRefusedWithTheMessageAtThatQuestion()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page).Set("Input.Questions[1].Text", new string('a', Question.TextMaxLength + 1)).SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Frågetext 2 får vara högst", Html.FieldError(refused, "Input_Questions_1__Text"), StringComparison.Ordinal);
        Assert.Equal(Question.TextMaxLength + 1, TextArea(refused, "Frågetext 2").Value.Trim().Length);
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
    }

    [Fact]
    public async Task TheSameOptionTwice_IsRefusedWithTheMessageAtThatQuestionsOptions()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        var before = await Arrange.FingerprintAsync(factory, remiss.Id);

        using var response = await BrowserForm.Of(page)
            .Set("Input.Questions[1].Type", "Choice")
            .Set("Input.Questions[1].Options", "Ja\r\nja")
            .SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Svarsalternativ till fråga 2: samma text finns två gånger.", Html.Summary(refused));
        Assert.Equal(before, await Arrange.FingerprintAsync(factory, remiss.Id));
        Assert.Equal("Svarsalternativ till fråga 2: samma text finns två gånger.", Html.FieldError(refused, "Input_Questions_1__Options"));
    }

    [Fact]
    public async Task AStaleForm_IsRefusedAsSavedBySomeoneElse_AndKeepsWhatWasTyped()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = await OwnerAsync();
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");
        using var colleague = await BrowserForm.Of(page).Set("Input.Title", "Kollegans titel").SubmitAsync(session, "Spara utkast");

        using var response = await BrowserForm.Of(page).Set("Input.Title", "Min titel").SubmitAsync(session, "Spara utkast");
        var refused = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html.Summary(refused), m => m.StartsWith("Någon annan har sparat remissen", StringComparison.Ordinal));
        Assert.Equal("Min titel", Input(refused, "Titel").Value);
        Assert.Equal("Kollegans titel", (await Arrange.StoredAsync(factory, remiss.Id)).Title);
    }

    [Fact]
    public async Task ADraftOfAnotherOrganisation_IsNotFoundForTheHandlaggare()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Owner = Arrange.Tekniska, Recipients = [Arrange.Mkb] });
        using var session = await OwnerAsync();

        var (response, _) = await session.GetPageAsync($"{remiss.Url}/redigera");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------

    private async Task<WebSession> OwnerAsync()
    {
        var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        return session;
    }

    private static IHtmlInputElement Input(IHtmlDocument page, string label) =>
        (IHtmlInputElement)page.GetElementById(Html.ControlIdLabelled(page, label))!;

    private static IHtmlTextAreaElement TextArea(IHtmlDocument page, string label) =>
        (IHtmlTextAreaElement)page.GetElementById(Html.ControlIdLabelled(page, label))!;

    private static IHtmlSelectElement Select(IHtmlDocument page, string label) =>
        (IHtmlSelectElement)page.GetElementById(Html.ControlIdLabelled(page, label))!;
}
