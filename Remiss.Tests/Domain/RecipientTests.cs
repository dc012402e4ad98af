namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// Remissinstanser: picked while drafting; then Ej påbörjat → Påbörjat → Inkommet, or Avstår; "Sen" derived.
/// </summary>
public sealed class RecipientTests
{
    // ---- Add, remove, replace --------------------------------------------------------------------------

    [Fact]
    public void AddRecipient_InDraft_AddsItNotStarted()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var tekniska = A.Organisation(tenant);

        var recipient = A.AddRecipient(remiss, tekniska);

        Assert.Equal(recipient.Id, Assert.Single(remiss.Recipients).Id);
        Assert.Equal(tekniska.Id, recipient.OrganisationId);
        Assert.Equal(remiss.Id, recipient.RemissId);
        Assert.Equal(remiss.Id, recipient.Terms.RemissId);
        Assert.Equal(tenant.Id, recipient.TenantId);
        Assert.Equal(RecipientStatus.NotStarted, recipient.Status);
        Assert.Null(recipient.Response);
        Assert.Null(recipient.ExtendedDeadline);
        Assert.False(recipient.HasAnswered);
        Assert.Equal(recipient.Id, remiss.RecipientFor(tekniska.Id).Id);
    }

    [Fact]
    public void AddRecipient_TheOwner_IsRefused()
    {
        var tenant = A.Tenant();
        var owner = A.Owner(tenant);
        var remiss = A.DraftRemiss(owner);

        var e = Assert.Throws<DomainException>(() => A.AddRecipient(remiss, owner));
        e.AssertRefused(Field.Recipients, RefusalKey.OwnerCannotBeRecipient, "Stadskontoret");
        Assert.Empty(remiss.Recipients);
    }

    [Fact]
    public void AddRecipient_ARetiredOrganisation_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var retired = A.Organisation(tenant, "Servicenämnden");
        retired.Retire();

        var e = Assert.Throws<DomainException>(() => A.AddRecipient(remiss, retired));
        e.AssertRefused(Field.Recipients, RefusalKey.RetiredCannotReceive, "Servicenämnden");
        Assert.Empty(remiss.Recipients);
    }

    [Fact]
    public void AddRecipient_Twice_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var tekniska = A.Organisation(tenant);
        A.AddRecipient(remiss, tekniska);

        var e = Assert.Throws<DomainException>(() => A.AddRecipient(remiss, tekniska));
        e.AssertRefused(Field.Recipients, RefusalKey.AlreadyRecipient, "Tekniska nämnden");
        Assert.Single(remiss.Recipients);
    }

    [Fact]
    public void AddRecipient_FromAnotherTenant_IsRefused()
    {
        var remiss = A.DraftRemiss(A.Owner(A.Tenant()));
        var lund = A.Organisation(A.Tenant("lund", "Lunds kommun"), "Kommunstyrelsen");

        var e = Assert.Throws<DomainException>(() => A.AddRecipient(remiss, lund));
        e.AssertRefused(Field.Form, RefusalKey.OrganisationNotFound);
        Assert.Empty(remiss.Recipients);
    }

    [Fact]
    public void AddRecipient_AfterSending_AddsAFreshRecipient()
    {
        var tenant = A.Tenant();
        var remiss = A.SentRemiss(A.Owner(tenant), [A.Organisation(tenant)]);

        var added = A.AddRecipient(remiss, A.Organisation(tenant, "Kulturnämnden"));

        Assert.Equal(2, remiss.Recipients.Count);
        Assert.Equal(RecipientStatus.NotStarted, added.Status);
        Assert.Equal(A.Deadline, added.Deadline);
    }

    [Fact]
    public void AddRecipient_AfterClosingOrWithdrawing_IsRefused()
    {
        var tenant = A.Tenant();
        var closed = A.SentRemiss(A.Owner(tenant), [A.Organisation(tenant)]);
        closed.Close(A.Now);
        var withdrawn = A.SentRemiss(A.Owner(tenant), [A.Organisation(tenant)]);
        withdrawn.Withdraw("Ärendet utgår.", A.Now);

        var e = Assert.Throws<DomainException>(() => A.AddRecipient(closed, A.Organisation(tenant, "Kulturnämnden")));
        Assert.Throws<DomainException>(() => A.AddRecipient(withdrawn, A.Organisation(tenant, "Kulturnämnden")));
        e.AssertRefused(Field.Recipients, RefusalKey.RecipientsOnlyWhileDraftOrSent);
    }

    [Fact]
    public void ReplaceRecipients_InDraft_RemovesTheOnesLeftOut()
    {
        var tenant = A.Tenant();
        var tekniska = A.Organisation(tenant, "Tekniska nämnden");
        var miljo = A.Organisation(tenant, "Miljönämnden");
        var remiss = A.ReadyRemiss(A.Owner(tenant), [tekniska, miljo]);

        remiss.ReplaceRecipients([miljo]);

        Assert.Equal(miljo.Id, Assert.Single(remiss.Recipients).OrganisationId);
    }

    [Fact]
    public void RecipientFor_AnOrganisationThatIsNotARecipient_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => A.SentRemiss().RecipientFor(Guid.NewGuid()));
        e.AssertRefused(Field.Form, RefusalKey.NotARecipient);
    }

    [Fact]
    public void ReplaceRecipients_MakesTheRecipientsExactlyTheChosenOrganisations()
    {
        var tenant = A.Tenant();
        var tekniska = A.Organisation(tenant, "Tekniska nämnden");
        var miljo = A.Organisation(tenant, "Miljönämnden");
        var mkb = A.Organisation(tenant, "MKB", OrganisationKind.Bolag);
        var remiss = A.DraftRemiss(A.Owner(tenant));
        A.AddRecipient(remiss, tekniska);
        var keptMiljo = A.AddRecipient(remiss, miljo);

        remiss.ReplaceRecipients([miljo, mkb, mkb]);

        Assert.Equal([miljo.Id, mkb.Id], remiss.Recipients.Select(r => r.OrganisationId));
        Assert.Equal(keptMiljo.Id, remiss.RecipientFor(miljo.Id).Id);
    }

    [Fact]
    public void ReplaceRecipients_WithNone_RemovesEveryRecipient()
    {
        var remiss = A.ReadyRemiss();

        remiss.ReplaceRecipients([]);

        Assert.Empty(remiss.Recipients);
    }

    [Fact]
    public void ReplaceRecipients_KeepsARecipientThatHasRetiredSinceItWasChosen()
    {
        var tenant = A.Tenant();
        var tekniska = A.Organisation(tenant);
        var remiss = A.DraftRemiss(A.Owner(tenant));
        A.AddRecipient(remiss, tekniska);
        tekniska.Retire();

        remiss.ReplaceRecipients([tekniska]);

        Assert.Single(remiss.Recipients);
    }

    [Fact]
    public void ReplaceRecipients_WithTheOwner_IsRefused()
    {
        var tenant = A.Tenant();
        var owner = A.Owner(tenant);
        var remiss = A.DraftRemiss(owner);

        var e = Assert.Throws<DomainException>(() => remiss.ReplaceRecipients([owner]));
        e.AssertRefused(Field.Recipients, RefusalKey.OwnerCannotBeRecipient, "Stadskontoret");
    }

    [Fact]
    public void ReplaceRecipients_WithARetiredOrganisation_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var retired = A.Organisation(tenant, "Servicenämnden");
        retired.Retire();

        var e = Assert.Throws<DomainException>(() => remiss.ReplaceRecipients([retired]));
        e.AssertRefused(Field.Recipients, RefusalKey.RetiredCannotReceive, "Servicenämnden");
    }

    [Fact]
    public void ReplaceRecipients_WithAnOrganisationOfAnotherTenant_IsRefused()
    {
        var remiss = A.DraftRemiss(A.Owner(A.Tenant()));
        var lund = A.Organisation(A.Tenant("lund", "Lunds kommun"), "Kommunstyrelsen");

        var e = Assert.Throws<DomainException>(() => remiss.ReplaceRecipients([lund]));
        e.AssertRefused(Field.Form, RefusalKey.OrganisationNotFound);
    }

    [Fact]
    public void ReplaceRecipients_AfterSending_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.ReplaceRecipients([]));
        e.AssertRefused(Field.Recipients, RefusalKey.ChangedAfterSending);
        Assert.Equal(3, remiss.Recipients.Count);
    }

    /// <summary>Bug: a refused replacement must leave the recipients as they were, but the unchosen ones are removed before the new ones are checked.</summary>
    [Fact]
    public void ReplaceRecipients_Refused_LeavesTheRecipientsAsTheyWere()
    {
        var tenant = A.Tenant();
        var owner = A.Owner(tenant);
        var tekniska = A.Organisation(tenant, "Tekniska nämnden");
        var miljo = A.Organisation(tenant, "Miljönämnden");
        var remiss = A.DraftRemiss(owner);
        A.AddRecipient(remiss, tekniska);

        Assert.Throws<DomainException>(() => remiss.ReplaceRecipients([miljo, owner]));

        Assert.Equal([tekniska.Id], remiss.Recipients.Select(r => r.OrganisationId));
    }

    // ---- Deadline --------------------------------------------------------------------------------------

    [Fact]
    public void Deadline_IsTheRemisssDeadlineWithoutAnstand()
    {
        var recipient = A.RecipientOfSentRemiss();

        Assert.Equal(A.Deadline, recipient.Deadline);
    }

    // ---- StartDrafting ---------------------------------------------------------------------------------

    [Fact]
    public void StartDrafting_CreatesTheResponseOnTheFirstVisit()
    {
        var recipient = A.RecipientOfSentRemiss();

        var response = recipient.StartDrafting(A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Drafting, recipient.Status);
        Assert.Same(response, recipient.Response);
        Assert.Equal(recipient.Id, response.RecipientId);
        Assert.Equal(recipient.TenantId, response.TenantId);
        Assert.Equal(1, response.Version);
        Assert.Equal(A.Namndsekreterare, response.CreatedByUserId);
        Assert.Equal(A.Now, response.CreatedAt);
        Assert.False(response.IsSubmitted);
        Assert.False(recipient.HasAnswered);
    }

    [Fact]
    public void StartDrafting_Again_ReturnsTheSameResponse()
    {
        var recipient = A.RecipientOfSentRemiss();
        var first = recipient.StartDrafting(A.Namndsekreterare, A.Now);

        var second = recipient.StartDrafting(A.Kollega, A.Now.AddHours(1));

        Assert.Same(first, second);
        Assert.Equal(A.Namndsekreterare, second.CreatedByUserId);
        Assert.Equal(1, second.Version);
    }

    [Fact]
    public void StartDrafting_BeforeSending_IsRefused()
    {
        var recipient = A.RecipientsOf(A.ReadyRemiss())[0];

        var e = Assert.Throws<DomainException>(() => recipient.StartDrafting(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissNotSent, Act.WriteResponse);
        Assert.Null(recipient.Response);
        Assert.Equal(RecipientStatus.NotStarted, recipient.Status);
    }

    [Fact]
    public void StartDrafting_AfterWithdrawal_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw("Ärendet utgår.", A.Now);

        var e = Assert.Throws<DomainException>(() => A.RecipientsOf(remiss)[0].StartDrafting(A.Namndsekreterare, A.Now));
        Assert.Null(A.RecipientsOf(remiss)[0].Response);
        e.AssertRefused(Field.Form, RefusalKey.RemissWithdrawn, Act.WriteResponse);
    }

    [Fact]
    public void StartDrafting_AfterCompletion_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => A.RecipientsOf(remiss)[0].StartDrafting(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.WriteResponse);
    }

    [Fact]
    public void StartDrafting_AfterSubmitting_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.StartDrafting(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.WriteResponse);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void StartDrafting_AfterDeclining_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.StartDrafting(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadyDeclined, Act.WriteResponse);
        Assert.Equal(RecipientStatus.Declined, recipient.Status);
        Assert.Null(recipient.Response);
    }

    // ---- Decline ---------------------------------------------------------------------------------------

    [Fact]
    public void Decline_BeforeStarting_RecordsTheReason()
    {
        var recipient = A.RecipientOfSentRemiss();

        recipient.Decline("  Frågan berör inte nämndens ansvarsområde.  ", A.Namndsekreterare, A.Now.AddDays(1));

        Assert.Equal(RecipientStatus.Declined, recipient.Status);
        Assert.Equal("Frågan berör inte nämndens ansvarsområde.", recipient.DeclineReason);
        Assert.Equal(A.Now.AddDays(1), recipient.DeclinedAt);
        Assert.True(recipient.HasAnswered);
    }

    [Fact]
    public void Decline_WithoutReason_IsAllowed()
    {
        var recipient = A.RecipientOfSentRemiss();

        recipient.Decline(null, A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Declined, recipient.Status);
        Assert.Null(recipient.DeclineReason);
    }

    [Fact]
    public void Decline_WhileDrafting_IsAllowed()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        recipient.Decline("Vi avstår.", A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Declined, recipient.Status);
    }

    [Fact]
    public void Decline_WithTooLongReason_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => recipient.Decline(new string('x', 4_001), A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Reason, RefusalKey.MaxLength, 4000);
        Assert.Equal(RecipientStatus.NotStarted, recipient.Status);
    }

    [Fact]
    public void Decline_AfterSubmitting_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.Decline(null, A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.Decline);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void Decline_Twice_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.Decline("Igen", A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadyDeclined, Act.Decline);
        Assert.Equal("Frågan berör inte bolaget.", recipient.DeclineReason);
    }

    [Fact]
    public void Decline_BeforeSending_IsRefused()
    {
        var recipient = A.RecipientsOf(A.ReadyRemiss())[0];

        var e = Assert.Throws<DomainException>(() => recipient.Decline(null, A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissNotSent, Act.Decline);
    }

    [Fact]
    public void Decline_AfterTheRemissIsClosed_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        var e = Assert.Throws<DomainException>(() => A.RecipientsOf(remiss)[0].Decline(null, A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.Decline);
    }

    [Fact]
    public void Decline_WithdrawsAPendingExtension()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(new DateOnly(2027, 1, 31), null, A.Namndsekreterare, A.Now, A.Today);

        recipient.Decline(null, A.Namndsekreterare, A.Now.AddDays(1));

        Assert.Equal(ExtensionStatus.Refused, extension.Status);
        Assert.Equal(A.Now.AddDays(1), extension.DecidedAt);
        Assert.Null(extension.DecidedByUserId);
        Assert.Contains("avstod", extension.DecisionComment);
        Assert.Null(recipient.PendingExtension);
        Assert.Equal(A.Deadline, recipient.Deadline);
    }

    // ---- Reopen ----------------------------------------------------------------------------------------

    [Fact]
    public void Reopen_ASubmittedYttrande_ReturnsItToDrafting()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        var response = recipient.Response!;
        var version = response.Version;

        A.Reopen(recipient, A.Now.AddDays(2));

        Assert.Equal(RecipientStatus.Drafting, recipient.Status);
        Assert.Null(recipient.SubmittedAt);
        Assert.Null(recipient.SubmittedByUserId);
        Assert.Equal(A.Now.AddDays(2), recipient.ReopenedAt);
        Assert.False(response.IsSubmitted);
        Assert.Null(response.SubmittedAt);
        Assert.Null(response.SubmittedByUserId);
        Assert.Equal(version + 1, response.Version);
        Assert.False(recipient.HasAnswered);
    }

    [Fact]
    public void Reopen_KeepsWhatWasWrittenAndLetsTheRecipientEditAndSubmitAgain()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        A.Reopen(recipient, A.Now);
        var response = recipient.Response!;

        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", response.Summary);
        recipient.SaveDraft(A.CompleteResponse() with { Summary = "<p>Ändrad</p>" }, response.Version, A.Context, A.Namndsekreterare, A.Now);
        recipient.Submit(A.Namndsekreterare, A.Now.AddHours(2));

        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
        Assert.Equal("<p>Ändrad</p>", response.Summary);
    }

    [Fact]
    public void Reopen_OnAClosedRemiss_TakesTheRemissBackToSent()
    {
        var remiss = A.SentRemiss();
        foreach (var recipient in A.RecipientsOf(remiss))
        {
            A.Submitted(recipient);
        }

        Assert.True(remiss.CloseIfEveryRecipientHasAnswered(A.NotYetAnswered(remiss), A.Now));

        A.Reopen(A.RecipientsOf(remiss)[1], A.Now.AddDays(1));

        Assert.Equal(RemissStatus.Sent, remiss.Status);
        Assert.Null(remiss.ClosedAt);
        Assert.Equal(RecipientStatus.Drafting, A.RecipientsOf(remiss)[1].Status);
        Assert.Equal(RecipientStatus.Submitted, A.RecipientsOf(remiss)[0].Status);
    }

    [Fact]
    public void Reopen_OnASentRemiss_LeavesItSent()
    {
        var remiss = A.SentRemiss();
        var recipient = A.Submitted(A.RecipientsOf(remiss)[0]);

        A.Reopen(recipient, A.Now);

        Assert.Equal(RemissStatus.Sent, remiss.Status);
    }

    [Fact]
    public void Reopen_ADraftingYttrande_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => A.Reopen(recipient, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ReopenOnlySubmitted);
    }

    [Fact]
    public void Reopen_ANotStartedRecipient_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => A.Reopen(recipient, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ReopenOnlySubmitted);
    }

    [Fact]
    public void Reopen_ADeclinedRecipient_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => A.Reopen(recipient, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ReopenOnlySubmitted);
        Assert.Equal(RecipientStatus.Declined, recipient.Status);
    }

    [Fact]
    public void Reopen_OnACompletedRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        var recipient = A.Submitted(A.RecipientsOf(remiss)[0]);
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => A.Reopen(recipient, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ReopenOnlyWhileSentOrClosed);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
        Assert.True(recipient.Response!.IsSubmitted);
        Assert.Equal(RemissStatus.Completed, remiss.Status);
    }

    [Fact]
    public void Reopen_OnAWithdrawnRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        var recipient = A.Submitted(A.RecipientsOf(remiss)[0]);
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => A.Reopen(recipient, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ReopenOnlyWhileSentOrClosed);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    // ---- IsOverdue -------------------------------------------------------------------------------------

    [Fact]
    public void IsOverdue_OnTheDeadline_IsFalse()
    {
        var recipient = A.RecipientOfSentRemiss();

        Assert.False(recipient.IsOverdue(A.Deadline));
        Assert.False(recipient.IsOverdue(A.Today));
    }

    [Fact]
    public void IsOverdue_TheDayAfterTheDeadlineWithoutAnswer_IsTrue()
    {
        var recipient = A.RecipientOfSentRemiss();

        Assert.True(recipient.IsOverdue(A.Deadline.AddDays(1)));
    }

    [Fact]
    public void IsOverdue_WhileDraftingPastTheDeadline_IsTrue()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        Assert.True(recipient.IsOverdue(A.Deadline.AddDays(1)));
    }

    [Fact]
    public void IsOverdue_WhenSubmitted_IsFalse()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        Assert.False(recipient.IsOverdue(A.Deadline.AddDays(10)));
    }

    [Fact]
    public void IsOverdue_WhenDeclined_IsFalse()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        Assert.False(recipient.IsOverdue(A.Deadline.AddDays(10)));
    }

    [Fact]
    public void Submit_AfterDeadline_IsAllowedAndRecipientNoLongerOverdue()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var late = A.Deadline.AddDays(5);
        Assert.True(recipient.IsOverdue(late));

        recipient.Submit(A.Namndsekreterare, new DateTime(2027, 1, 5, 8, 0, 0, DateTimeKind.Utc));

        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
        Assert.False(recipient.IsOverdue(late));
    }

    [Fact]
    public void IsOverdue_WithAGrantedExtension_CountsFromTheExtendedDeadline()
    {
        var recipient = A.RecipientOfSentRemiss();
        var extension = recipient.RequestExtension(new DateOnly(2027, 1, 20), null, A.Namndsekreterare, A.Now, A.Today);
        recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today);

        Assert.False(recipient.IsOverdue(new DateOnly(2027, 1, 20)));
        Assert.True(recipient.IsOverdue(new DateOnly(2027, 1, 21)));
    }

    [Fact]
    public void IsOverdue_OnceTheRemissIsClosed_IsFalse()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        Assert.False(A.RecipientsOf(remiss)[0].IsOverdue(A.Deadline.AddDays(10)));
    }

    [Fact]
    public void IsOverdue_OnceTheRemissIsWithdrawn_IsFalse()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw(null, A.Now);

        Assert.False(A.RecipientsOf(remiss)[0].IsOverdue(A.Deadline.AddDays(10)));
    }

    [Fact]
    public void IsOverdue_ForADraftWithoutDeadline_IsFalse()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var recipient = A.AddRecipient(remiss, A.Organisation(tenant));

        Assert.False(recipient.IsOverdue(A.Today));
    }
}
