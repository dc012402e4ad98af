namespace Remiss.Tests.Features.Remisser;

using System.Net;
using AngleSharp.Html.Dom;
using Remiss.Tests.TestSupport;

/// <summary>A remiss's own påminnelse schedule, typed in the draft's form; empty follows the tenant's.</summary>
public sealed class ReminderSchedulePageTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string Label = "Påminnelser, dagar före sista svarsdag";

    [Fact]
    public async Task The_form_shows_the_tenants_schedule_and_keeps_the_remiss_own()
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        Assert.Equal(string.Empty, Field(page).Value);
        Assert.Contains("14, 7, 2", Html.Text(page.GetElementById("Input_ReminderDays-hint")), StringComparison.Ordinal);

        using var saved = await BrowserForm.Of(page).Set("Input.ReminderDays", "21, 3 ,10").SubmitAsync(session, "Spara utkast");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([21, 10, 3], (await Arrange.StoredAsync(factory, remiss.Id)).ReminderDaysBefore);
        var (_, again) = await session.GetPageAsync($"{remiss.Url}/redigera");
        Assert.Equal("21, 10, 3", Field(again).Value);

        using var cleared = await BrowserForm.Of(again).Set("Input.ReminderDays", string.Empty).SubmitAsync(session, "Spara utkast");
        Assert.Null((await Arrange.StoredAsync(factory, remiss.Id)).ReminderDaysBefore);
    }

    [Theory]
    [InlineData("fjorton", "Ange påminnelserna som antal dagar före sista svarsdag, till exempel 14, 7, 2.")]
    [InlineData("0, 7", "Påminnelser kan skickas 1–90 dagar före sista svarsdag.")]
    [InlineData("7, 7", "Samma dag kan inte anges två gånger i påminnelseschemat.")]
    public async Task A_schedule_that_cannot_be_is_refused_next_to_the_field_and_everything_typed_is_kept(string typed, string message)
    {
        var remiss = await Arrange.RemissAsync(factory);
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        var (_, page) = await session.GetPageAsync($"{remiss.Url}/redigera");

        using var response = await BrowserForm.Of(page).Set("Input.ReminderDays", typed).Set("Input.Title", "Ny titel som inte får försvinna").SubmitAsync(session, "Spara utkast");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await WebSession.ParseAsync(response);
        Assert.Equal(message, Html.FieldError(shown, "Input_ReminderDays"));
        Assert.Contains(message, Html.Summary(shown));
        Assert.Equal(typed, Field(shown).Value);
        Assert.Equal("Ny titel som inte får försvinna", ((IHtmlInputElement)shown.GetElementById("Input_Title")!).Value);
        Assert.Null((await Arrange.StoredAsync(factory, remiss.Id)).ReminderDaysBefore);
    }

    private static IHtmlInputElement Field(IHtmlDocument page) =>
        (IHtmlInputElement)page.GetElementById(Html.ControlIdLabelled(page, Label))!;
}
