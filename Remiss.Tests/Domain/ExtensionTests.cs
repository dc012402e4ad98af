namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>Anstånd: a recipient asks for a later deadline; the owner grants it (to that or another later date) or refuses.</summary>
public sealed class ExtensionTests
{
    private static readonly DateOnly Requested = new(2027, 1, 31);

    // ---- Request ---------------------------------------------------------------------------------------

    [Fact]
    public void RequestExtension_ForALaterDate_IsPendingAndMovesNothingYet()
    {
        var recipient = A.RecipientOfSentRemiss();

        var extension = recipient.RequestExtension(Requested, "  Nämnden sammanträder 20 januari.  ", A.Namndsekreterare, A.Now, A.Today);

        Assert.Equal(ExtensionStatus.Requested, extension.Status);
        Assert.Equal(Requested, extension.RequestedDeadline);
        Assert.Equal("Nämnden sammanträder 20 januari.", extension.Reason);
        Assert.Equal(A.Namndsekreterare, extension.RequestedByUserId);
        Assert.Equal(A.Now, extension.RequestedAt);
        Assert.Equal(recipient.Id, extension.RecipientId);
        Assert.Equal(recipient.TenantId, extension.TenantId);
        Assert.Null(extension.GrantedDeadline);
        Assert.Null(extension.DecidedAt);
        Assert.Null(extension.DecidedByUserId);
        Assert.Same(extension, recipient.PendingExtension);
        Assert.Same(extension, Assert.Single(recipient.Extensions));
        Assert.Equal(A.Deadline, recipient.Deadline);
        Assert.Null(recipient.ExtendedDeadline);
    }

    [Fact]
    public void RequestExtension_WithoutReason_IsAllowed()
    {
        var extension = A.RecipientOfSentRemiss().RequestExtension(Requested, " ", A.Namndsekreterare, A.Now, A.Today);

        Assert.Null(extension.Reason);
    }

    [Fact]
    public void RequestExtension_WhileDrafting_IsAllowed()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        Assert.NotNull(recipient.PendingExtension);
    }

    [Fact]
    public void RequestExtension_ForTheCurrentDeadline_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(A.Deadline, null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.RequestedDeadline, RefusalKey.RequestedDateNotLater);
        Assert.Empty(recipient.Extensions);
    }

    [Fact]
    public void RequestExtension_ForAnEarlierDate_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(A.Deadline.AddDays(-7), null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.RequestedDeadline, RefusalKey.RequestedDateNotLater);
    }

    [Fact]
    public void RequestExtension_AfterAGrant_MustBeLaterThanTheExtendedDeadline()
    {
        var recipient = A.RecipientOfSentRemiss();
        var first = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.GrantExtension(first.Id, null, A.Handlaggare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested.AddDays(-1), null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.RequestedDeadline, RefusalKey.RequestedDateNotLater);

        var second = recipient.RequestExtension(Requested.AddDays(14), null, A.Namndsekreterare, A.Now, A.Today);
        Assert.Same(second, recipient.PendingExtension);
        Assert.Equal(2, recipient.Extensions.Count);
    }

    [Fact]
    public void RequestExtension_WhileAnotherIsPending_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested.AddDays(7), null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.RequestedDeadline, RefusalKey.ExtensionAlreadyPending);
        Assert.Single(recipient.Extensions);
    }

    [Fact]
    public void RequestExtension_AfterARefusal_IsAllowedAgain()
    {
        var recipient = A.RecipientOfSentRemiss();
        var first = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.RefuseExtension(first.Id, "Sammanställningen ska till kommunstyrelsen i januari.", A.Handlaggare, A.Now);

        var second = recipient.RequestExtension(new DateOnly(2027, 1, 10), null, A.Namndsekreterare, A.Now, A.Today);

        Assert.Same(second, recipient.PendingExtension);
    }

    [Fact]
    public void RequestExtension_WithTooLongReason_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested, new string('x', 4_001), A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.Motivation, RefusalKey.MaxLength, 4000);
        Assert.Empty(recipient.Extensions);
    }

    [Fact]
    public void RequestExtension_AfterSubmitting_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.RequestExtension);
    }

    [Fact]
    public void RequestExtension_AfterDeclining_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.AlreadyDeclined, Act.RequestExtension);
    }

    [Fact]
    public void RequestExtension_BeforeSending_IsRefused()
    {
        var recipient = A.RecipientsOf(A.ReadyRemiss())[0];

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.RemissNotSent, Act.RequestExtension);
    }

    [Fact]
    public void RequestExtension_OnAClosedRemiss_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.RequestExtension);
    }

    // ---- Grant -----------------------------------------------------------------------------------------

    [Fact]
    public void GrantExtension_ToTheRequestedDate_MovesOnlyThatRecipientsDeadline()
    {
        var remiss = A.SentRemiss();
        var recipient = A.RecipientsOf(remiss)[0];
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now.AddDays(1), A.Today.AddDays(1));

        Assert.Equal(ExtensionStatus.Granted, extension.Status);
        Assert.Equal(Requested, extension.GrantedDeadline);
        Assert.Equal(A.Handlaggare, extension.DecidedByUserId);
        Assert.Equal(A.Now.AddDays(1), extension.DecidedAt);
        Assert.Equal(Requested, recipient.ExtendedDeadline);
        Assert.Equal(Requested, recipient.Deadline);
        Assert.Null(recipient.PendingExtension);
        Assert.Equal(A.Deadline, remiss.Deadline);
        Assert.Equal(A.Deadline, A.RecipientsOf(remiss)[1].Deadline);
        Assert.Equal(A.Deadline, A.RecipientsOf(remiss)[2].Deadline);
    }

    [Fact]
    public void GrantExtension_WithAMessage_KeepsItWithTheDecision_WithoutControlCharacters()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        var granted = recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today, "  Beviljas\u0000 till nämndens möte.\u0007 ");

        Assert.Same(extension, granted);
        Assert.Equal("Beviljas till nämndens möte.", extension.DecisionComment);
    }

    [Fact]
    public void GrantExtension_WithTooLongMessage_IsRefused_AndDecidesNothing()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today, new string('x', 4_001)));

        e.AssertRefused(Field.Message, RefusalKey.MaxLength, 4_000);
        Assert.Equal(ExtensionStatus.Requested, extension.Status);
        Assert.Equal(A.Deadline, recipient.Deadline);
    }

    [Fact]
    public void GrantExtension_OfAnotherRecipientsRequest_OnAClosedRemiss_IsStillNotFound()
    {
        var remiss = A.SentRemiss();
        var extension = A.RecipientsOf(remiss)[0].RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        remiss.Close(A.Now);

        Assert.Throws<NotFoundException>(() => A.RecipientsOf(remiss)[1].GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        Assert.Throws<NotFoundException>(() => A.RecipientsOf(remiss)[1].RefuseExtension(extension.Id, null, A.Handlaggare, A.Now));
    }

    [Fact]
    public void GrantExtension_ToAnEarlierDateThanRequested_UsesTheGrantedDate()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        var granted = new DateOnly(2027, 1, 15);

        recipient.GrantExtension(extension.Id, granted, A.Handlaggare, A.Now, A.Today);

        Assert.Equal(granted, extension.GrantedDeadline);
        Assert.Equal(Requested, extension.RequestedDeadline);
        Assert.Equal(granted, recipient.Deadline);
    }

    [Fact]
    public void GrantExtension_ToALaterDateThanRequested_UsesTheGrantedDate()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        var granted = new DateOnly(2027, 2, 15);

        recipient.GrantExtension(extension.Id, granted, A.Handlaggare, A.Now, A.Today);

        Assert.Equal(granted, recipient.Deadline);
    }

    [Fact]
    public void GrantExtension_ToADateNotAfterTheCurrentDeadline_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, A.Deadline, A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.GrantedDateNotLater);
        Assert.Equal(ExtensionStatus.Requested, extension.Status);
        Assert.Equal(A.Deadline, recipient.Deadline);
    }

    [Fact]
    public void GrantExtension_WhenTheRemissDeadlineHasSinceMovedPastTheRequestedDate_IsRefused()
    {
        var remiss = A.SentRemiss();
        var recipient = A.RecipientsOf(remiss)[0];
        var extension = recipient.RequestExtension(new DateOnly(2027, 1, 10), null, A.Namndsekreterare, A.Now, A.Today);
        A.ChangeRemissOf(recipient, r => r.MoveDeadline(new DateOnly(2027, 1, 20), A.Today));

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.GrantedDateNotLater);
    }

    [Fact]
    public void GrantExtension_Twice_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, Requested.AddDays(10), A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.ExtensionAlreadyDecided);
        Assert.Equal(Requested, recipient.Deadline);
    }

    [Fact]
    public void GrantExtension_AfterARefusal_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.RefuseExtension(extension.Id, null, A.Handlaggare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.ExtensionAlreadyDecided);
        Assert.Equal(A.Deadline, recipient.Deadline);
    }

    [Fact]
    public void GrantExtension_ThatDoesNotExist_IsNotFound()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<NotFoundException>(() => recipient.GrantExtension(Guid.NewGuid(), Requested, A.Handlaggare, A.Now, A.Today));
        Assert.Contains("Begäran om anstånd", e.Message);
    }

    [Fact]
    public void GrantExtension_OfAnotherRecipientsRequest_IsNotFound()
    {
        var remiss = A.SentRemiss();
        var extension = A.RecipientsOf(remiss)[0].RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        Assert.Throws<NotFoundException>(() => A.RecipientsOf(remiss)[1].GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        Assert.Equal(A.Deadline, A.RecipientsOf(remiss)[1].Deadline);
    }

    [Fact]
    public void GrantExtension_AfterTheRecipientDeclined_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.Decline(null, A.Namndsekreterare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.ExtensionAlreadyDecided);
    }

    [Fact]
    public void GrantExtension_OnAClosedRemiss_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.GrantExtension);
    }

    [Fact]
    public void GrantExtension_OnAWithdrawnRemiss_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        A.ChangeRemissOf(recipient, r => r.Withdraw(null, A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today));
        e.AssertRefused(Field.Form, RefusalKey.RemissWithdrawn, Act.GrantExtension);
    }

    // ---- Refuse ----------------------------------------------------------------------------------------

    [Fact]
    public void RefuseExtension_KeepsTheDeadlineAndRecordsTheDecision()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        recipient.RefuseExtension(extension.Id, "  Sammanställningen kan inte vänta.  ", A.Handlaggare, A.Now.AddDays(1));

        Assert.Equal(ExtensionStatus.Refused, extension.Status);
        Assert.Equal("Sammanställningen kan inte vänta.", extension.DecisionComment);
        Assert.Equal(A.Handlaggare, extension.DecidedByUserId);
        Assert.Equal(A.Now.AddDays(1), extension.DecidedAt);
        Assert.Null(extension.GrantedDeadline);
        Assert.Null(recipient.PendingExtension);
        Assert.Null(recipient.ExtendedDeadline);
        Assert.Equal(A.Deadline, recipient.Deadline);
    }

    [Fact]
    public void RefuseExtension_Twice_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.RefuseExtension(extension.Id, null, A.Handlaggare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.RefuseExtension(extension.Id, null, A.Handlaggare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ExtensionAlreadyDecided);
    }

    [Fact]
    public void RefuseExtension_AfterAGrant_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.RefuseExtension(extension.Id, null, A.Handlaggare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ExtensionAlreadyDecided);
        Assert.Equal(ExtensionStatus.Granted, extension.Status);
        Assert.Equal(Requested, recipient.Deadline);
    }

    [Fact]
    public void RefuseExtension_ThatDoesNotExist_IsNotFound()
    {
        var recipient = A.RecipientOfSentRemiss();

        Assert.Throws<NotFoundException>(() => recipient.RefuseExtension(Guid.NewGuid(), null, A.Handlaggare, A.Now));
    }

    [Fact]
    public void RefuseExtension_WithTooLongComment_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() => recipient.RefuseExtension(extension.Id, new string('x', 4_001), A.Handlaggare, A.Now));
        e.AssertRefused(Field.Motivation, RefusalKey.MaxLength, 4000);
        Assert.Equal(ExtensionStatus.Requested, extension.Status);
    }

    [Fact]
    public void RefuseExtension_OnAClosedRemiss_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.RefuseExtension(extension.Id, null, A.Handlaggare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.RefuseExtension);
    }

    [Fact]
    public void RequestExtension_ToADateThatHasAlreadyPassed_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var laterThanDeadlineButPast = A.Deadline.AddDays(3);

        var e = Assert.Throws<DomainException>(() =>
            recipient.RequestExtension(laterThanDeadlineButPast, null, A.Namndsekreterare, A.Now, laterThanDeadlineButPast.AddDays(1)));

        e.AssertRefused(Field.RequestedDeadline, RefusalKey.RequestedDateNotAfterToday);
        Assert.Empty(recipient.Extensions);
    }

    [Fact]
    public void GrantExtension_ToADateThatHasAlreadyPassed_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        var e = Assert.Throws<DomainException>(() =>
            recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, Requested.AddDays(1)));

        e.AssertRefused(Field.Deadline, RefusalKey.GrantedDateNotAfterToday);
        Assert.Equal(ExtensionStatus.Requested, extension.Status);
    }

    [Fact]
    public void Submit_WithAPendingExtension_ClosesTheRequestWithoutADecisionMaker()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(Requested, null, A.Namndsekreterare, A.Now, A.Today);

        A.Submitted(recipient);

        Assert.Equal(ExtensionStatus.Refused, extension.Status);
        Assert.Null(extension.DecidedByUserId);
        Assert.Null(recipient.PendingExtension);
    }
}
