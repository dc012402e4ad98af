namespace Remiss.Tests.Features.Responses;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The remiss and the remissinstans are two aggregates, each loaded whole: a recipient's yttrande pages load that
/// remissinstans with its whole yttrande, never the other recipients'; the remiss holds every recipient's
/// organisation and no yttrande. Real SQLite, the sent demo.
/// </summary>
public sealed class RecipientsOwnLoadTests(ResponseRightsTests.Factory factory) : IClassFixture<ResponseRightsTests.Factory>
{
    [Fact]
    public async Task TheRemissinstans_IsLoadedWhole_WithAnswersBilagorAndItsRemissTerms()
    {
        var asn = factory.DemoRecipients[Kit.AsnName];
        var (recipients, answers, attachments, questions, terms) = await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(asn, CancellationToken.None))!;
            Assert.Equal(asn, recipient.Id);
            var questionCount = await db.Questions.CountAsync(q => q.RemissId == factory.DemoId);
            return (db.ChangeTracker.Entries<Recipient>().Count(), recipient.Response!.Answers.Count, recipient.Response.Attachments.Count, questionCount, recipient.Terms);
        });

        Assert.Equal(1, recipients);
        Assert.InRange(answers, 1, questions);
        Assert.Equal(1, attachments);
        Assert.Equal(factory.DemoId, terms.RemissId);
        Assert.Equal(RemissStatus.Sent, terms.Status);
        Assert.Equal(questions, terms.Questions.Count);
    }

    [Fact]
    public async Task TheRemiss_HoldsEveryRecipientsOrganisation_AndNoRemissinstans()
    {
        var (entries, remissinstanser, yttranden) = await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var remiss = (await services.GetRequiredService<RemissReader>().FindAsync(factory.DemoId, CancellationToken.None))!;
            return (remiss.RecipientOrganisationIds.Count, db.ChangeTracker.Entries<Recipient>().Count(), db.ChangeTracker.Entries<Response>().Count());
        });

        Assert.Equal(factory.DemoRecipients.Count, entries);
        Assert.Equal(0, remissinstanser);
        Assert.Equal(0, yttranden);
    }

    [Fact]
    public async Task ARemissLoadedPastTheReader_RefusesToSayWhoItsRecipientsAre()
    {
        var (viaReader, bypassed) = await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var stored = await db.Remisser.AsNoTracking().SingleAsync(r => r.Id == factory.DemoId);
            var thrown = Record.Exception(() => stored.Recipients.Count);
            var remiss = (await services.GetRequiredService<RemissReader>().FindAsync(factory.DemoId, CancellationToken.None))!;
            return (remiss.Recipients.Count, thrown);
        });

        Assert.Equal(factory.DemoRecipients.Count, viaReader);
        Assert.IsType<InvalidOperationException>(bypassed);
    }

    [Fact]
    public async Task ARecipientLoadedThroughTheReader_CannotMissItsAnswers_AndOneOfAnotherRemissIsNotItsRemiss()
    {
        var asn = factory.DemoRecipients[Kit.AsnName];
        var (stored, loaded) = await factory.InTenantAsync("malmo", async (db, services) =>
        {
            var responseId = await db.Responses.Where(r => r.RecipientId == asn).Select(r => r.Id).SingleAsync();
            var count = await db.Answers.CountAsync(a => a.ResponseId == responseId);
            db.ChangeTracker.Clear();
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(asn, CancellationToken.None))!;
            return (count, recipient.Response!.Answers.Count);
        });

        Assert.Equal(stored, loaded);
        Assert.Throws<InvalidOperationException>(() => A.RecipientOfSentRemiss().Under(A.SentRemiss().Terms));
    }
}
