namespace Remiss.Tests.Features.Admin;

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The penetration test's high finding and its neighbours: an open session loses at its next request what was taken
/// from the account (the admin role, a membership, the account itself), a copied cookie dies with sign-out, and a
/// session ends after its absolute lifetime however busy it was. Real HTTP, real SQLite, this class's own app.
/// </summary>
public sealed class SessionTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    private const string AdminPage = "/malmo/admin/anvandare";

    [Fact]
    public async Task ADemotedAdmin_LosesTheAdminPages_AtTheNextRequest()
    {
        var (email, userId) = await NewAdminAsync();
        using var demoted = await AdminKit.SignedInAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync(AdminPage)).StatusCode);

        await AsAdminAsync((users, admin) => users.UpdateAsync(userId, new UserInput(email, "Dag Degraderad", null, [], IsAdmin: false), admin, CancellationToken.None));

        // The role is read with the access on every request: the open session is refused the admin pages at once.
        using var response = await demoted.GetAsync(AdminPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/nekad", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeactivatedAdmin_OpenSession_EndsAtTheNextRequest_AndCannotReactivateItself()
    {
        var (email, userId) = await NewAdminAsync();
        using var session = await AdminKit.SignedInAsync(factory, email);
        var token = await session.TokenAsync($"{AdminPage}/{userId}");

        await AsAdminAsync((users, admin) => users.DeactivateAsync(userId, admin, CancellationToken.None));
        using var forged = await session.PostFormAsync($"{AdminPage}/{userId}?handler=Reactivate", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        // The access is read on every request: the open session has no tenant any more, so its pages are not found.
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.False(await factory.InTenantAsync("malmo", (db, _) => db.TenantAccesses.Where(a => a.UserId == userId && a.TenantId == db.CurrentTenantId).Select(a => a.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task AnAdmin_CannotReactivateTheirOwnAccount_EvenThroughTheService()
    {
        var (_, userId) = await NewAdminAsync();

        var e = await Assert.ThrowsAsync<Remiss.Domain.Common.DomainException>(() => factory.InTenantAsync("malmo", async (_, services) =>
        {
            await services.GetRequiredService<TenantUsers>().ReactivateAsync(userId, userId, CancellationToken.None);
            return 0;
        }));

        e.AssertRefused(Remiss.Domain.Common.Field.Form, Remiss.Domain.Common.RefusalKey.CannotReactivateSelf);
    }

    [Fact]
    public async Task AMemberWhoseMembershipIsTakenAway_LosesItsRemisserAtTheNextRequest()
    {
        var email = $"medlem.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        var userId = await factory.AddUserAsync("malmo", email, "Mia Medlem", Arrange.Stadskontoret, null);
        var remissId = await Arrange.DemoRemissIdAsync(factory);
        using var member = factory.NewSession();
        await member.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/malmo/remisser/{remissId}")).StatusCode);

        await AsAdminAsync((users, admin) => users.UpdateAsync(userId, new UserInput(email, "Mia Medlem", null, [], IsAdmin: false), admin, CancellationToken.None));

        using var response = await member.GetAsync($"/malmo/remisser/{remissId}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SigningOut_MakesACopiedCookieWorthless()
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.Owner);
        using var copy = factory.NewSession();
        foreach (Cookie cookie in session.Cookies.GetAllCookies())
        {
            copy.Cookies.Add(cookie);
        }

        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/malmo/remisser")).StatusCode);
        var (_, page) = await session.GetPageAsync("/konto/logga-ut");
        using var signedOut = await session.SubmitAsync(page, new Dictionary<string, string>(), "form[method=post]");

        // The browser is told to forget the site's stored data: the form's copies of unsent yttrande text.
        Assert.Equal("\"storage\"", Assert.Single(signedOut.Headers.GetValues("Clear-Site-Data")));

        using var afterwards = await copy.GetAsync("/malmo/remisser");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/konto/logga-in", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASession_EndsAfterItsAbsoluteLifetime_HoweverBusy()
    {
        var start = factory.Clock.GetUtcNow();
        using var session = factory.NewSession();
        await session.SignInAsync(Arrange.AsnUser);
        try
        {
            factory.Clock.Advance(TimeSpan.FromHours(7));
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/malmo")).StatusCode);
            factory.Clock.Advance(TimeSpan.FromHours(5.5));

            using var response = await session.GetAsync("/malmo");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            factory.Clock.Set(start);
        }
    }

    [Fact]
    public async Task TheYttrandeForm_KeysItsCopyOfUnsentText_ByTheSignedInUser()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        using var secretary = factory.NewSession();
        await secretary.SignInAsync(Arrange.AsnUser);

        var (_, page) = await secretary.GetPageAsync($"{remiss.Url}/yttrande");

        var userId = await factory.InTenantAsync("malmo", (db, _) => Arrange.UserIdAsync(db, Arrange.AsnUser));
        Assert.Equal(userId.ToString(), page.QuerySelector("form[data-response-form]")!.GetAttribute("data-user"));
    }

    /// <summary>A new active tenant admin of malmo with the demo password.</summary>
    private async Task<(string Email, Guid Id)> NewAdminAsync()
    {
        var email = $"admin.{Arrange.Unique().ToLowerInvariant()}@malmo.example";
        var id = await factory.AddUserAsync("malmo", email, "Dag Degraderad", null, Roles.TenantAdmin);
        return (email, id);
    }

    /// <summary>Acts as the demo's tenant admin through the same service the Användare pages use.</summary>
    private Task<int> AsAdminAsync(Func<TenantUsers, Guid, Task> act) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            await act(services.GetRequiredService<TenantUsers>(), await Arrange.UserIdAsync(db, Arrange.Admin));
            return 0;
        });
}
