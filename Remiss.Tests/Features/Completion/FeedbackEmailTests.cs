namespace Remiss.Tests.Features.Completion;

using Microsoft.Extensions.Options;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>Återkoppling: the e-mail to a remissinstans that answered or declined, when the remiss is Avslutad.</summary>
public sealed class FeedbackEmailTests
{
    private const string BaseUrl = "https://remiss.example.se";

    [Fact]
    public void The_feedback_says_the_remiss_is_avslutad_and_links_to_the_remiss_page_where_the_final_summary_is()
    {
        var tenant = A.Tenant();
        var current = new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId);
        var remiss = A.SentRemiss(A.Owner(tenant), [A.Organisation(tenant, "Tekniska nämnden")]);
        remiss.Close(A.Now);
        remiss.Complete(new FinalDocument("2026/11/0191a5c2000070008000000000000001", new string('a', 64), 1234), A.Now.AddDays(1));
        var emails = new RemissEmails(Options.Create(new EmailOptions { BaseUrl = BaseUrl }));

        var email = emails.Completed(current, remiss, "Stadskontoret", "Tekniska nämnden");

        Assert.Equal("Remissen är avslutad: Definiera och starta ett långsiktigt och strategiskt områdeslyft (STK-2023-137)", email.Subject);
        foreach (var part in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("Stadskontoret har avslutat remissen", part, StringComparison.Ordinal);
            Assert.Contains("Tekniska nämnden", part, StringComparison.Ordinal);
            Assert.Contains("24 november 2026", part, StringComparison.Ordinal);
            Assert.Contains("slutliga sammanställningen", part, StringComparison.Ordinal);
            Assert.Contains($"{BaseUrl}/malmo/remisser/{remiss.Id}", part, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/yttrande", email.TextBody, StringComparison.Ordinal);
    }
}
