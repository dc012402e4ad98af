namespace Remiss.Tests.Features.Admin;

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Identity;
using Remiss.Tests.Features.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>What the administration tests share: a tenant admin of lund, the log and the outbox as stored.</summary>
internal static partial class AdminKit
{
    public const string MalmoAdmin = "admin@malmo.example";
    public const string LundAdmin = "admin@lund.example";

    private static readonly SemaphoreSlim LundAdminLock = new(1, 1);

    /// <summary>A tenant administrator of lund (the demo has none), created once per app.</summary>
    public static async Task EnsureLundAdminAsync(RemissAppFactory factory)
    {
        await LundAdminLock.WaitAsync();
        try
        {
            await factory.InTenantAsync("lund", async (db, services) =>
            {
                if (await db.Users.AnyAsync(u => u.Email == LundAdmin))
                {
                    return 0;
                }

                var users = services.GetRequiredService<UserManager<ApplicationUser>>();
                var user = new ApplicationUser { UserName = LundAdmin, Email = LundAdmin, EmailConfirmed = true, DisplayName = "Lina Lundberg", CreatedAt = factory.Clock.UtcNow };
                Assert.True((await users.CreateAsync(user, WebSession.DemoPassword)).Succeeded);
                db.TenantAccesses.Add(TenantAccess.Grant(user.Id, db.CurrentTenantId!.Value, isAdmin: true, factory.Clock.UtcNow));
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            LundAdminLock.Release();
        }
    }

    public static async Task<WebSession> SignedInAsync(RemissAppFactory factory, string email)
    {
        if (email == LundAdmin)
        {
            await EnsureLundAdminAsync(factory);
        }

        var session = factory.NewSession();
        var (response, _) = await session.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return session;
    }

    public static Task<List<AuditEntry>> AuditAsync(RemissAppFactory factory, AuditAction action, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, (db, _) => db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.OccurredAt).ToListAsync());

    public static Task<int> AuditCountAsync(RemissAppFactory factory, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, (db, _) => db.AuditEntries.CountAsync());

    public static Task<List<OutboxMessage>> MailToAsync(RemissAppFactory factory, string address, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, (db, _) => db.Outbox.Where(m => m.ToAddress == address).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>Posts <paramref name="values"/> to <paramref name="path"/> with a valid antiforgery token of the session, as a forged form would.</summary>
    public static async Task<HttpResponseMessage> ForgeAsync(WebSession session, string tokenPage, string path, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await session.TokenAsync(tokenPage);
        return await session.PostFormAsync(path, values);
    }

    /// <summary>The path and query of the choose-a-password link in an invitation or reset e-mail.</summary>
    public static string PasswordLinkIn(OutboxMessage message) => new Uri(PasswordLink().Match(message.TextBody).Value).PathAndQuery;

    /// <summary>The page a redirect leads to.</summary>
    public static async Task<IHtmlDocument> FollowedAsync(WebSession session, HttpResponseMessage response) => (await session.FollowAsync(response)).Page;

    /// <summary>Who may not reach admin pages: users of the tenant without the role, and anyone of another tenant.</summary>
    public static async Task AssertRefusedAsync(WebSession session, string path)
    {
        using var response = await session.GetAsync(path);
        Assert.True(
            response.StatusCode is HttpStatusCode.NotFound || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/konto/nekad", StringComparison.Ordinal)),
            $"{path} answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/konto/valj-losenord\?\S+")]
    private static partial System.Text.RegularExpressions.Regex PasswordLink();
}
