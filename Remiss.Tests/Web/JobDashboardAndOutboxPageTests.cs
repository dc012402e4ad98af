namespace Remiss.Tests.Web;

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Email;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>The Hangfire dashboard is the platform operator's alone; failed e-mails are the tenant admin's, per tenant.</summary>
public sealed class JobDashboardAndOutboxPageTests(SentDemoAppFactory factory) : IClassFixture<SentDemoAppFactory>
{
    private const string Admin = "admin@malmo.example";
    private const string Operator = "operator@remiss.example";

    [Fact]
    public async Task The_job_dashboard_answers_the_platform_operator()
    {
        using var session = factory.NewSession();
        await session.SignInAsync(Operator);

        var response = await session.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Remiss – bakgrundsjobb", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Admin, HttpStatusCode.Forbidden)]
    [InlineData(Kit.Owner, HttpStatusCode.Forbidden)]
    [InlineData(Kit.LundUser, HttpStatusCode.Forbidden)]
    public async Task The_job_dashboard_refuses_everyone_else(string? user, HttpStatusCode expected)
    {
        using var session = factory.NewSession();
        if (user is not null)
        {
            await session.SignInAsync(user);
        }

        Assert.Equal(expected, (await session.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(expected, (await session.GetAsync("/hangfire/jobs/enqueued")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_admin_sees_the_tenants_failed_messages_with_their_error_and_can_send_one_again()
    {
        var failed = await FailedMessageAsync("malmo", "fel.adress@malmo.example", "SMTP 550: No such user here");
        using var admin = factory.NewSession();
        await admin.SignInAsync(Admin);

        var (response, page) = await admin.GetPageAsync("/malmo/admin/utskick");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("fel.adress@malmo.example", StringComparison.Ordinal));
        Assert.Contains("SMTP 550: No such user here", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gav upp", row.TextContent, StringComparison.Ordinal);

        var retried = await admin.SubmitAsync(page, new Dictionary<string, string>(), $"main form[action*='{failed}']");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var message = await factory.InTenantAsync("malmo", (db, _) => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == failed));
        Assert.Equal(OutboxState.Pending, message.State);
    }

    [Fact]
    public async Task Retry_OfAMessageOfAnotherTenant_IsNotFound_And_ChangesNothing()
    {
        var lunds = await FailedMessageAsync("lund", "kommunen@lund.example", "SMTP 550: No such user here");
        using var admin = factory.NewSession();
        await admin.SignInAsync(Admin);
        var (_, page) = await admin.GetPageAsync("/malmo/admin/utskick");

        var refused = await admin.PostFormAsync($"/malmo/admin/utskick?handler=Retry&messageId={lunds}", Token(page));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("kommunen@lund.example", Kit.MainText(page), StringComparison.Ordinal);
        var message = await factory.InTenantAsync("lund", (db, _) => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == lunds));
        Assert.Equal(OutboxState.Failed, message.State);
    }

    [Fact]
    public async Task The_failed_messages_page_is_for_tenant_admins_of_that_tenant_only()
    {
        using var owner = factory.NewSession();
        await owner.SignInAsync(Kit.Owner);
        var denied = await owner.GetAsync("/malmo/admin/utskick");
        Assert.True(denied.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"got {denied.StatusCode}");
        if (denied.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/konto/nekad", denied.Headers.Location!.AbsolutePath);
        }

        using var admin = factory.NewSession();
        await admin.SignInAsync(Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/lund/admin/utskick")).StatusCode);

        using var anonymous = factory.NewSession();
        var signIn = await anonymous.GetAsync("/malmo/admin/utskick");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/konto/logga-in", signIn.Headers.Location!.AbsolutePath);
    }

    private static Dictionary<string, string> Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        new() { ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! };

    private Task<Guid> FailedMessageAsync(string tenant, string to, string error) =>
        factory.InTenantAsync(tenant, async (db, sp) =>
        {
            sp.GetRequiredService<Outbox>().Queue(
                db.CurrentTenantId!.Value, new EmailAddress(to, null), new EmailContent("Påminnelse: Områdeslyft", "Text", "<p>Text</p>"), EmailReason.Reminder, EmailConcerns.Remiss, Guid.NewGuid());
            await db.SaveChangesAsync();
            var message = await db.Outbox.Where(m => m.ToAddress == to).OrderByDescending(m => m.CreatedAt).FirstAsync();
            message.BeginSending(factory.Clock.UtcNow);
            message.MarkFailed(error, null);
            await db.SaveChangesAsync();
            return message.Id;
        });
}
