namespace Remiss.Tests.Features.Remisser;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Tests.TestSupport;

/// <summary>
/// The rules that span the remiss and a remissinstans, two aggregates: each is decided in one service method that
/// saves both in one SaveChanges, so either both change or neither does. Real SQLite through the services.
/// </summary>
public sealed class RemissAndRemissinstansTests(RemissAppFactory factory) : IClassFixture<RemissAppFactory>
{
    [Fact]
    public async Task Submit_TheLastAnswer_ClosesTheRemiss()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn, Arrange.Mkb] });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Decline(r, remiss.Recipients[Arrange.Mkb], c);
            Draft(c, remiss.Recipients[Arrange.Asn]);
        });

        await SubmitAsync(remiss.Id, remiss.Recipients[Arrange.Asn]);

        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Closed, stored.Status);
        Assert.Equal(factory.Clock.UtcNow, stored.ClosedAt);
        Assert.Equal(RecipientStatus.Submitted, (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn])).Status);
    }

    [Fact]
    public async Task Submit_WhileAnotherHasNotAnswered_LeavesTheRemissSent()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn, Arrange.Mkb] });
        await Arrange.ChangeAsync(factory, remiss.Id, (_, c) => Draft(c, remiss.Recipients[Arrange.Asn]));

        await SubmitAsync(remiss.Id, remiss.Recipients[Arrange.Asn]);

        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
        Assert.Equal(RecipientStatus.Submitted, (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn])).Status);
    }

    [Fact]
    public async Task Submit_WhenTheClosingRemissCannotBeSaved_LeavesTheYttrandeUnsubmittedToo()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        await Arrange.ChangeAsync(factory, remiss.Id, (_, c) => Draft(c, remiss.Recipients[Arrange.Asn]));

        // Someone changes the remiss between the load and the save: the remiss's save fails on its version, and with it
        // the submission, because both are one SaveChanges and so one transaction.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            SubmitAsync(remiss.Id, remiss.Recipients[Arrange.Asn], beforeSaving: db => db.Remisser.Where(r => r.Id == remiss.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1))));

        Assert.Equal(RemissStatus.Sent, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
        var asn = await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn]);
        Assert.Equal(RecipientStatus.Drafting, asn.Status);
        Assert.False(asn.Response!.IsSubmitted);
    }

    [Fact]
    public async Task Reopen_OnAClosedRemiss_ReopensTheYttrandeAndTheRemissTogether()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            r.Close(c.Now);
        });

        await ReopenAsync(remiss.Id, remiss.Recipients[Arrange.Asn]);

        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Sent, stored.Status);
        Assert.Null(stored.ClosedAt);
        var asn = await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn]);
        Assert.Equal(RecipientStatus.Drafting, asn.Status);
        Assert.False(asn.Response!.IsSubmitted);
    }

    [Fact]
    public async Task Reopen_OnAWithdrawnRemiss_IsRefused_AndNeitherChanges()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn, Arrange.Mkb] });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            r.Withdraw(null, c.Now);
        });

        var e = await Assert.ThrowsAsync<DomainException>(() => ReopenAsync(remiss.Id, remiss.Recipients[Arrange.Asn]));

        e.AssertRefused(Field.Form, RefusalKey.ReopenOnlyWhileSentOrClosed);
        Assert.Equal(RemissStatus.Withdrawn, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
        Assert.Equal(RecipientStatus.Submitted, (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn])).Status);
    }

    [Fact]
    public async Task Reopen_OfARecipientOfAnotherRemiss_IsNotFound()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        var other = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        await Arrange.ChangeAsync(factory, other.Id, (r, c) => Arrange.Submit(r, other.Recipients[Arrange.Asn], c));

        await Assert.ThrowsAsync<NotFoundException>(() => ReopenAsync(remiss.Id, other.Recipients[Arrange.Asn]));

        Assert.Equal(RecipientStatus.Submitted, (await Arrange.StoredRecipientAsync(factory, other.Recipients[Arrange.Asn])).Status);
    }

    [Fact]
    public async Task Reopen_WhenTheRemissCannotBeSaved_LeavesTheYttrandeSubmittedToo()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        await Arrange.ChangeAsync(factory, remiss.Id, (r, c) =>
        {
            Arrange.Submit(r, remiss.Recipients[Arrange.Asn], c);
            r.Close(c.Now);
        });

        await Assert.ThrowsAsync<DomainException>(() =>
            ReopenAsync(remiss.Id, remiss.Recipients[Arrange.Asn], beforeSaving: db => db.Remisser.Where(r => r.Id == remiss.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1))));

        Assert.Equal(RemissStatus.Closed, (await Arrange.StoredAsync(factory, remiss.Id)).Status);
        Assert.Equal(RecipientStatus.Submitted, (await Arrange.StoredRecipientAsync(factory, remiss.Recipients[Arrange.Asn])).Status);
    }

    [Fact]
    public async Task AddRecipients_ToASentRemiss_CreatesEachRemissinstans_InvitedWithTheRemiss()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        var tekniska = await Arrange.OrganisationIdAsync(factory, Arrange.Tekniska);

        var added = await factory.InTenantAsync("malmo", async (_, services) =>
        {
            var loaded = (await services.GetRequiredService<RemissReader>().FindAsync(remiss.Id, CancellationToken.None))!;
            return await services.GetRequiredService<RemissSending>().AddRecipientsAsync(loaded, [tekniska], CancellationToken.None);
        });

        Assert.Equal(1, added);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        var recipient = await Arrange.StoredRecipientAsync(factory, stored.RecipientFor(tekniska).Id);
        Assert.Equal(RecipientStatus.NotStarted, recipient.Status);
        Assert.Equal(factory.Clock.UtcNow, recipient.InvitedAt);
        Assert.Equal(stored.Deadline, recipient.Deadline);
    }

    [Fact]
    public async Task RequestExtension_TwiceAtTheSameMoment_SavesOne_AndTellsTheSecondThatARequestWaits()
    {
        var remiss = await Arrange.RemissAsync(factory, new RemissSpec { Sent = true, Recipients = [Arrange.Asn] });
        var recipientId = remiss.Recipients[Arrange.Asn];
        var until = new DateOnly(2027, 5, 31);

        // Two posts that each loaded the remissinstans before either saved: a double click, or two colleagues.
        var e = await Assert.ThrowsAsync<DomainException>(() => factory.InTenantAsync("malmo", async (db, services) =>
        {
            var reader = services.GetRequiredService<RemissReader>();
            var loaded = (await reader.FindAsync(remiss.Id, CancellationToken.None))!;
            var recipient = (await reader.FindRecipientAsync(recipientId, CancellationToken.None))!;
            var user = await Arrange.UserIdAsync(db, Arrange.AsnUser);
            await factory.InTenantAsync("malmo", async (_, first) =>
            {
                var firstReader = first.GetRequiredService<RemissReader>();
                await first.GetRequiredService<ResponseWriting>().RequestExtensionAsync(
                    (await firstReader.FindAsync(remiss.Id, CancellationToken.None))!, (await firstReader.FindRecipientAsync(recipientId, CancellationToken.None))!, until, "Först.", user, "Anna Asn", CancellationToken.None);
                return 0;
            });
            await services.GetRequiredService<ResponseWriting>().RequestExtensionAsync(loaded, recipient, until, "Sedan.", user, "Anna Asn", CancellationToken.None);
            return 0;
        }));

        e.AssertRefused(Field.RequestedDeadline, RefusalKey.ExtensionAlreadyPending);
        var stored = await Arrange.StoredRecipientAsync(factory, recipientId);
        Assert.Equal("Först.", Assert.Single(stored.Extensions).Reason);
        Assert.NotNull(stored.PendingExtension);
    }

    /// <summary>A complete draft to the default questions, not yet submitted.</summary>
    private static void Draft(ArrangeContext context, Guid recipientId)
    {
        var recipient = context.Recipient(recipientId);
        recipient.SaveDraft(
            new ResponseContent(
                "<p>Nämnden ställer sig bakom förslaget.</p>",
                null,
                [new AnswerContent(1, "<p>Vi ser stora behov.</p>"), new AnswerContent(2, "<p>Ett långsiktigt arbete behövs.</p>", new PositionAnswer(Position.Supports))],
                [],
                null,
                []),
            recipient.StartDrafting(context.UserId, context.Now).Version,
            context.ResponseContext,
            context.UserId,
            context.Now);
    }

    /// <summary>Submits through the service as the Skicka in page does; <paramref name="beforeSaving"/> acts between load and save.</summary>
    private Task<int> SubmitAsync(Guid remissId, Guid recipientId, Func<AppDbContext, Task<int>>? beforeSaving = null) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var reader = services.GetRequiredService<RemissReader>();
            var remiss = (await reader.FindAsync(remissId, CancellationToken.None))!;
            var recipient = (await reader.FindRecipientAsync(recipientId, CancellationToken.None))!;
            if (beforeSaving is not null)
            {
                await beforeSaving(db);
            }

            var user = await Arrange.UserIdAsync(db, Arrange.AsnUser);
            await services.GetRequiredService<ResponseWriting>().SubmitAsync(remiss, recipient, user, Arrange.AsnUser, "Anna Asn", CancellationToken.None);
            return 0;
        });

    /// <summary>Reopens through the owner's service as the follow-up page does.</summary>
    private Task<int> ReopenAsync(Guid remissId, Guid recipientId, Func<AppDbContext, Task<int>>? beforeSaving = null) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var remiss = (await services.GetRequiredService<RemissReader>().FindAsync(remissId, CancellationToken.None))!;
            if (beforeSaving is not null)
            {
                await beforeSaving(db);
            }

            await services.GetRequiredService<RemissSending>().ReopenAsync(remiss, recipientId, "Komplettera gärna.", CancellationToken.None);
            return 0;
        });
}
