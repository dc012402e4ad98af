namespace Remiss.Tests.Features.Responses;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// A recipient's yttrande pages load only that recipient of a remiss sent to many: with its whole yttrande, and
/// with the remiss knowing it holds only part of its recipients. Real SQLite, the sent demo.
/// </summary>
public sealed class RecipientsOwnLoadTests(ResponseRightsTests.Factory factory) : IClassFixture<ResponseRightsTests.Factory>
{
    [Fact]
    public async Task TheRemissForOneOrganisation_HoldsOnlyItsRecipient_WithAnswersAndBilagor()
    {
        var asn = factory.DemoRecipients[Kit.AsnName];
        var (count, all, answers, attachments, questions) = await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var organisation = await db.Recipients.Where(r => r.Id == asn).Select(r => r.OrganisationId).SingleAsync();
            var remiss = (await services.GetRequiredService<RemissReader>().FindForOrganisationsAsync(factory.DemoId, new HashSet<Guid> { organisation }, CancellationToken.None))!;
            var recipient = Assert.Single(remiss.Recipients);
            Assert.Equal(asn, recipient.Id);
            return (remiss.Recipients.Count, remiss.HasAllRecipients, recipient.Response!.Answers.Count, recipient.Response.Attachments.Count, remiss.Questions.Count);
        });

        Assert.Equal(1, count);
        Assert.False(all);
        Assert.InRange(answers, 1, questions);
        Assert.Equal(1, attachments);
    }

    [Fact]
    public async Task TheRemissForTheOwnersPage_HoldsNoRecipient_AndTheWholeRemissStillHasThemAll()
    {
        var (none, whole, total) = await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var reader = services.GetRequiredService<RemissReader>();
            var owners = await db.Remisser.Where(r => r.Id == factory.DemoId).Select(r => r.OwnerOrganisationId).ToListAsync();
            var ownersView = (await reader.FindForOrganisationsAsync(factory.DemoId, owners.ToHashSet(), CancellationToken.None))!;
            var recipients = ownersView.Recipients.Count;
            db.ChangeTracker.Clear();
            var full = (await reader.FindWithRecipientsAsync(factory.DemoId, CancellationToken.None))!;
            return (recipients, full.HasAllRecipients, full.Recipients.Count);
        });

        Assert.Equal(0, none);
        Assert.True(whole);
        Assert.Equal(factory.DemoRecipients.Count, total);
    }
}
