namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>The remiss's own life cycle: Utkast → Utskickad → Stängd → Avslutad, or Återkallad from Utskickad.</summary>
public sealed class RemissTests
{
    // ---- Create ----------------------------------------------------------------------------------------

    [Fact]
    public void CreateDraft_StartsAsADraftOfTheOwnersTenantAtVersionOne()
    {
        var tenant = A.Tenant();
        var owner = A.Owner(tenant);

        var remiss = Remiss.CreateDraft(owner, "  Områdeslyft  ", A.Handlaggare, A.Now);

        Assert.Equal(RemissStatus.Draft, remiss.Status);
        Assert.True(remiss.IsDraft);
        Assert.Equal("Områdeslyft", remiss.Title);
        Assert.Equal(tenant.Id, remiss.TenantId);
        Assert.Equal(owner.Id, remiss.OwnerOrganisationId);
        Assert.Equal(A.Handlaggare, remiss.CreatedByUserId);
        Assert.Equal(A.Now, remiss.CreatedAt);
        Assert.Equal(1, remiss.Version);
        Assert.Null(remiss.Deadline);
        Assert.Null(remiss.SentAt);
        Assert.Empty(remiss.Questions);
        Assert.Empty(remiss.Recipients);
        Assert.Empty(remiss.Attachments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CreateDraft_WithoutTitle_IsRefused(string title)
    {
        var owner = A.Owner(A.Tenant());

        var e = Assert.Throws<DomainException>(() => Remiss.CreateDraft(owner, title, A.Handlaggare, A.Now));
        e.AssertRefused(Field.Title, RefusalKey.Required);
    }

    [Fact]
    public void CreateDraft_WithTooLongTitle_IsRefused()
    {
        var owner = A.Owner(A.Tenant());

        var e = Assert.Throws<DomainException>(() => Remiss.CreateDraft(owner, new string('x', Remiss.TitleMaxLength + 1), A.Handlaggare, A.Now));
        e.AssertRefused(Field.Title, RefusalKey.MaxLength, 300);
    }

    [Fact]
    public void CreateDraft_ByARetiredOrganisation_IsRefused()
    {
        var owner = A.Owner(A.Tenant());
        owner.Retire();

        var e = Assert.Throws<DomainException>(() => A.DraftRemiss(owner));
        e.AssertRefused(Field.Owner, RefusalKey.RetiredCannotSend, "Stadskontoret");
    }

    // ---- UpdateDetails ---------------------------------------------------------------------------------

    [Fact]
    public void UpdateDetails_InDraft_TrimsStoresAndBumpsTheVersion()
    {
        var remiss = A.DraftRemiss();

        remiss.UpdateDetails(" Ny titel ", " STK-2023-137 ", "<p>Förslaget</p>", A.Deadline, A.Today, " Anna ", " anna@malmo.se ");

        Assert.Equal("Ny titel", remiss.Title);
        Assert.Equal("STK-2023-137", remiss.Diarienummer);
        Assert.Equal("<p>Förslaget</p>", remiss.Description);
        Assert.Equal(A.Deadline, remiss.Deadline);
        Assert.Equal("Anna", remiss.ContactName);
        Assert.Equal("anna@malmo.se", remiss.ContactEmail);
        Assert.Equal(2, remiss.Version);
    }

    [Fact]
    public void UpdateDetails_BlankOptionalFields_BecomeNull()
    {
        var remiss = A.ReadyRemiss();

        remiss.UpdateDetails("Titel", "  ", "", null, A.Today, " ", null);

        Assert.Null(remiss.Diarienummer);
        Assert.Null(remiss.Description);
        Assert.Null(remiss.Deadline);
        Assert.Null(remiss.ContactName);
        Assert.Null(remiss.ContactEmail);
    }

    [Fact]
    public void UpdateDetails_AcceptsADeadlineInThePastWhileDrafting_SendingChecksIt()
    {
        var remiss = A.DraftRemiss();

        remiss.UpdateDetails("Titel", "STK-1", null, A.Today.AddDays(-10), A.Today.AddDays(-60));

        Assert.Equal(A.Today.AddDays(-10), remiss.Deadline);
    }

    [Fact]
    public void UpdateDetails_WithoutTitle_IsRefused()
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.UpdateDetails(" ", "STK-1", null, A.Deadline, A.Today));
        e.AssertRefused(Field.Title, RefusalKey.Required);
    }

    [Fact]
    public void UpdateDetails_WithTooLongDiarienummer_IsRefused()
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.UpdateDetails("Titel", new string('1', Remiss.DiarienummerMaxLength + 1), null, A.Deadline, A.Today));
        e.AssertRefused(Field.Diarienummer, RefusalKey.MaxLength, 50);
    }

    [Fact]
    public void UpdateDetails_WithTooLongDescription_IsRefused()
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.UpdateDetails("Titel", null, new string('x', Remiss.DescriptionMaxLength + 1), A.Deadline, A.Today));
        e.AssertRefused(Field.Description, RefusalKey.MaxLength, 200_000);
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@malmo")]
    [InlineData("Anna <anna@malmo.se>")]
    public void UpdateDetails_WithInvalidContactEmail_IsRefused(string email)
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.UpdateDetails("Titel", null, null, A.Deadline, A.Today, "Anna", email));
        e.AssertRefused(Field.ContactEmail, RefusalKey.InvalidEmail);
    }

    [Fact]
    public void UpdateDetails_AfterSending_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.UpdateDetails("Ny titel", "STK-1", null, A.Deadline, A.Today));
        e.AssertRefused(Field.Details, RefusalKey.ChangedAfterSending);
    }

    /// <summary>Bug: a refused change must leave the draft as it was, but the title is written before the diarienummer is checked.</summary>
    [Fact]
    public void UpdateDetails_Refused_LeavesTheDetailsAsTheyWere()
    {
        var remiss = A.ReadyRemiss();
        var title = remiss.Title;
        var version = remiss.Version;

        Assert.Throws<DomainException>(() => remiss.UpdateDetails("Ny titel", new string('1', 51), null, A.Deadline, A.Today));

        Assert.Equal(title, remiss.Title);
        Assert.Equal("STK-2023-137", remiss.Diarienummer);
        Assert.Equal(version, remiss.Version);
    }

    // ---- ChangeOwner -----------------------------------------------------------------------------------

    [Fact]
    public void ChangeOwner_InDraft_MovesTheRemissAndDropsTheNewOwnerAsRecipient()
    {
        var tenant = A.Tenant();
        var owner = A.Owner(tenant);
        var tekniska = A.Organisation(tenant, "Tekniska nämnden");
        var miljo = A.Organisation(tenant, "Miljönämnden");
        var remiss = A.ReadyRemiss(owner, [tekniska, miljo]);

        remiss.ChangeOwner(tekniska);

        Assert.Equal(tekniska.Id, remiss.OwnerOrganisationId);
        Assert.Equal(miljo.Id, Assert.Single(remiss.Recipients).OrganisationId);
    }

    [Fact]
    public void ChangeOwner_AfterSending_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.SentRemiss(A.Owner(tenant), [A.Organisation(tenant)]);

        var e = Assert.Throws<DomainException>(() => remiss.ChangeOwner(A.Organisation(tenant, "Kulturnämnden")));
        e.AssertRefused(Field.Owner, RefusalKey.ChangedAfterSending);
    }

    [Fact]
    public void ChangeOwner_ToAnOrganisationOfAnotherTenant_IsRefused()
    {
        var remiss = A.DraftRemiss();
        var lund = A.Organisation(A.Tenant("lund", "Lunds kommun"), "Kommunledningskontoret");

        var e = Assert.Throws<DomainException>(() => remiss.ChangeOwner(lund));
        e.AssertRefused(Field.Form, RefusalKey.OrganisationNotFound);
    }

    [Fact]
    public void ChangeOwner_ToARetiredOrganisation_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var retired = A.Organisation(tenant, "Servicenämnden");
        retired.Retire();

        var e = Assert.Throws<DomainException>(() => remiss.ChangeOwner(retired));
        e.AssertRefused(Field.Owner, RefusalKey.RetiredCannotSend, "Servicenämnden");
    }

    // ---- Attachments -----------------------------------------------------------------------------------

    [Fact]
    public void AddAttachment_InDraft_KeepsTheFileAndWhoUploadedIt()
    {
        var remiss = A.DraftRemiss();
        var file = A.File("Remisshandling.pdf");

        var attachment = remiss.AddAttachment(file, A.Handlaggare, A.Now);

        Assert.Same(attachment, Assert.Single(remiss.Attachments));
        Assert.Equal("Remisshandling.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(file.StorageKey, attachment.StorageKey);
        Assert.Equal(remiss.Id, attachment.RemissId);
        Assert.Equal(remiss.TenantId, attachment.TenantId);
        Assert.Equal(A.Handlaggare, attachment.UploadedByUserId);
        Assert.Equal(A.Now, attachment.UploadedAt);
    }

    [Fact]
    public void RemoveAttachment_InDraft_RemovesIt()
    {
        var remiss = A.DraftRemiss();
        var attachment = remiss.AddAttachment(A.File(), A.Handlaggare, A.Now);

        var removed = remiss.RemoveAttachment(attachment.Id);

        Assert.Same(attachment, removed);
        Assert.Empty(remiss.Attachments);
    }

    [Fact]
    public void RemoveAttachment_ThatDoesNotExist_IsNotFound()
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<NotFoundException>(() => remiss.RemoveAttachment(Guid.NewGuid()));
        Assert.Contains("Bilagan", e.Message);
    }

    [Fact]
    public void RemoveAttachment_OfAnotherRemiss_IsNotFound_AndRemovesNothing()
    {
        var remiss = A.DraftRemiss();
        var other = A.DraftRemiss();
        remiss.AddAttachment(A.File(), A.Handlaggare, A.Now);
        var foreign = other.AddAttachment(A.File(), A.Handlaggare, A.Now);

        Assert.Throws<NotFoundException>(() => remiss.RemoveAttachment(foreign.Id));
        Assert.Single(remiss.Attachments);
        Assert.Single(other.Attachments);
    }

    [Fact]
    public void AddAttachment_AfterSending_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.AddAttachment(A.File(), A.Handlaggare, A.Now));
        e.AssertRefused(Field.Attachments, RefusalKey.ChangedAfterSending);
    }

    [Fact]
    public void RemoveAttachment_AfterSending_IsRefused()
    {
        var remiss = A.ReadyRemiss();
        var attachment = remiss.AddAttachment(A.File(), A.Handlaggare, A.Now);
        A.Send(remiss, A.Today, A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.RemoveAttachment(attachment.Id));
        e.AssertRefused(Field.Attachments, RefusalKey.ChangedAfterSending);
        Assert.Single(remiss.Attachments);
    }

    // ---- Send ------------------------------------------------------------------------------------------

    [Fact]
    public void ProblemsBeforeSending_ForACompleteDraft_IsEmpty()
    {
        Assert.Empty(A.ReadyRemiss().ProblemsBeforeSending(A.Today));
    }

    [Fact]
    public void ProblemsBeforeSending_ForAnEmptyDraft_ListsEveryMissingPieceSeparately()
    {
        var remiss = A.DraftRemiss();

        var problems = remiss.ProblemsBeforeSending(A.Today);

        Assert.Equal(
            [
                (new Subject(Field.Diarienummer), RefusalKey.RequiredBeforeSending),
                (new Subject(Field.Deadline), RefusalKey.DeadlineRequiredBeforeSending),
                (new Subject(Field.Questions), RefusalKey.NoQuestions),
                (new Subject(Field.Recipients), RefusalKey.NoRecipients),
            ],
            problems.Select(p => (p.Subject, p.Key)));
    }

    [Fact]
    public void ProblemsBeforeSending_WithoutDiarienummer_SaysSo()
    {
        var remiss = A.ReadyRemiss();
        remiss.UpdateDetails(remiss.Title, null, null, A.Deadline, A.Today);

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Diarienummer, RefusalKey.RequiredBeforeSending);
    }

    [Fact]
    public void ProblemsBeforeSending_WithoutDeadline_SaysSo()
    {
        var remiss = A.ReadyRemiss();
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, null, A.Today);

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Deadline, RefusalKey.DeadlineRequiredBeforeSending);
    }

    [Fact]
    public void ProblemsBeforeSending_WithADeadlineToday_SaysItMustBeLater()
    {
        var remiss = A.ReadyRemiss();
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, A.Today, A.Today.AddDays(-60));

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
    }

    [Fact]
    public void ProblemsBeforeSending_WithADeadlineInThePast_SaysItMustBeLater()
    {
        var remiss = A.ReadyRemiss();
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, A.Today.AddDays(-1), A.Today.AddDays(-60));

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
    }

    [Fact]
    public void ProblemsBeforeSending_WithADeadlineTomorrow_HasNoProblem()
    {
        var remiss = A.ReadyRemiss();
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, A.Today.AddDays(1), A.Today);

        Assert.Empty(remiss.ProblemsBeforeSending(A.Today));
    }

    [Fact]
    public void ProblemsBeforeSending_WithoutQuestions_SaysSo()
    {
        var remiss = A.ReadyRemiss();
        while (remiss.Questions.Count > 0)
        {
            remiss.RemoveQuestion(1);
        }

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Questions, RefusalKey.NoQuestions);
    }

    [Fact]
    public void ProblemsBeforeSending_WithoutRecipients_SaysSo()
    {
        var remiss = A.ReadyRemiss();
        remiss.ReplaceRecipients([]);

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Recipients, RefusalKey.NoRecipients);
    }

    [Fact]
    public void ProblemsBeforeSending_IncludesTheProblemsOfEachQuestionInNumberOrder()
    {
        var remiss = A.ReadyRemiss();
        remiss.AddQuestion(new QuestionDefinition(null, QuestionType.FreeText));
        remiss.AddQuestion(QuestionDefinition.ChoiceOf("Vilket alternativ?", ["Bara ett"]));
        remiss.AddQuestion(QuestionDefinition.TrafficLightOf("Hur går det?", []));

        Assert.Equal(
            [
                (new Subject(Field.QuestionText, 6), RefusalKey.QuestionTextMissing),
                (new Subject(Field.QuestionOptions, 7), RefusalKey.TooFewOptions),
                (new Subject(Field.QuestionItems, 8), RefusalKey.NoItems),
            ],
            remiss.ProblemsBeforeSending(A.Today).Select(p => (p.Subject, p.Key)));
    }

    [Fact]
    public void ProblemsBeforeSending_OnceSent_SaysItIsAlreadySent()
    {
        var remiss = A.SentRemiss();

        Assert.Single(remiss.ProblemsBeforeSending(A.Today)).AssertIs(Field.Form, RefusalKey.AlreadySent);
    }

    [Fact]
    public void Send_ACompleteDraft_MakesItSent()
    {
        var remiss = A.ReadyRemiss();
        var version = remiss.Version;

        A.Send(remiss, A.Today, A.Now);

        Assert.Equal(RemissStatus.Sent, remiss.Status);
        Assert.False(remiss.IsDraft);
        Assert.Equal(A.Now, remiss.SentAt);
        Assert.Equal(version + 1, remiss.Version);
        Assert.All(A.RecipientsOf(remiss), r => Assert.Equal(RecipientStatus.NotStarted, r.Status));
    }

    [Fact]
    public void Send_WithoutRecipients_IsRefused()
    {
        var remiss = A.ReadyRemiss();
        remiss.ReplaceRecipients([]);

        var e = Assert.Throws<DomainException>(() => A.Send(remiss, A.Today, A.Now));
        e.AssertRefused(Field.Recipients, RefusalKey.NoRecipients);
        Assert.Equal(RemissStatus.Draft, remiss.Status);
        Assert.Null(remiss.SentAt);
    }

    [Fact]
    public void Send_WithADeadlineToday_IsRefused()
    {
        var remiss = A.ReadyRemiss();
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", null, A.Today, A.Today.AddDays(-60));

        var e = Assert.Throws<DomainException>(() => A.Send(remiss, A.Today, A.Now));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
        Assert.Equal(RemissStatus.Draft, remiss.Status);
    }

    [Fact]
    public void Send_AnEmptyDraft_IsRefusedWithEveryProblem()
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<DomainException>(() => A.Send(remiss, A.Today, A.Now));
        Assert.Equal(remiss.ProblemsBeforeSending(A.Today).Select(p => p.ToString()), e.Refusals.Select(p => p.ToString()));
        Assert.Equal(4, e.Refusals.Count);
        e.AssertRefused(Field.Diarienummer, RefusalKey.RequiredBeforeSending);
        e.AssertRefused(Field.Recipients, RefusalKey.NoRecipients);
    }

    [Fact]
    public void Send_Twice_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => A.Send(remiss, A.Today, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySent);
    }

    // ---- HasShortNotice --------------------------------------------------------------------------------

    [Theory]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    [InlineData(38, false)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void HasShortNotice_IsTrueOnlyForADeadlineLessThanThreeWeeksAhead(int daysAhead, bool expected)
    {
        var remiss = A.DraftRemiss();
        remiss.UpdateDetails(remiss.Title, null, null, A.Today.AddDays(daysAhead), A.Today.AddDays(-60));

        Assert.Equal(expected, remiss.HasShortNotice(A.Today));
    }

    [Fact]
    public void HasShortNotice_WithoutDeadline_IsFalse()
    {
        Assert.False(A.DraftRemiss().HasShortNotice(A.Today));
    }

    // ---- MoveDeadline ----------------------------------------------------------------------------------

    [Fact]
    public void MoveDeadline_OfASentRemiss_MovesEveryRecipientsDeadline()
    {
        var remiss = A.SentRemiss();
        var later = new DateOnly(2027, 1, 15);
        var version = remiss.Version;

        remiss.MoveDeadline(later, A.Today);

        Assert.Equal(later, remiss.Deadline);
        Assert.All(A.RecipientsOf(remiss), r => Assert.Equal(later, r.Deadline));
        Assert.Equal(version + 1, remiss.Version);
    }

    [Fact]
    public void MoveDeadline_Earlier_IsAllowedWhenStillAfterToday()
    {
        var remiss = A.SentRemiss();

        remiss.MoveDeadline(A.Today.AddDays(1), A.Today);

        Assert.Equal(A.Today.AddDays(1), remiss.Deadline);
    }

    [Fact]
    public void MoveDeadline_KeepsALaterExtendedDeadline()
    {
        var remiss = A.SentRemiss();
        var extended = A.RecipientsOf(remiss)[0];
        var extension = extended.RequestExtension(new DateOnly(2027, 1, 31), "Nämnden sammanträder i januari.", A.Namndsekreterare, A.Now, A.Today);
        extended.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today);

        remiss.MoveDeadline(new DateOnly(2027, 1, 15), A.Today);

        Assert.Equal(new DateOnly(2027, 1, 31), extended.Deadline);
        Assert.Equal(new DateOnly(2027, 1, 15), A.RecipientsOf(remiss)[1].Deadline);
    }

    [Fact]
    public void MoveDeadline_BeyondAnEarlierExtendedDeadline_SupersedesIt()
    {
        var remiss = A.SentRemiss();
        var extended = A.RecipientsOf(remiss)[0];
        var extension = extended.RequestExtension(new DateOnly(2027, 1, 10), null, A.Namndsekreterare, A.Now, A.Today);
        extended.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today);

        A.ChangeRemissOf(extended, r => r.MoveDeadline(new DateOnly(2027, 2, 1), A.Today));

        Assert.Equal(new DateOnly(2027, 2, 1), extended.Deadline);
        Assert.Equal(A.RecipientsOf(remiss)[1].Deadline, extended.Deadline);
    }

    [Fact]
    public void MoveDeadline_ToToday_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.MoveDeadline(A.Today, A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
        Assert.Equal(A.Deadline, remiss.Deadline);
    }

    [Fact]
    public void MoveDeadline_IntoThePast_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.MoveDeadline(A.Today.AddDays(-3), A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
    }

    [Fact]
    public void MoveDeadline_ToTheSameDate_IsRefused()
    {
        var remiss = A.SentRemiss();
        var version = remiss.Version;

        var e = Assert.Throws<DomainException>(() => remiss.MoveDeadline(A.Deadline, A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineUnchanged);
        Assert.Equal(version, remiss.Version);
    }

    [Fact]
    public void MoveDeadline_OfADraft_IsRefused()
    {
        var remiss = A.ReadyRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.MoveDeadline(new DateOnly(2027, 1, 15), A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineMoveOnlyWhenSent);
    }

    [Fact]
    public void MoveDeadline_OfAClosedRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.MoveDeadline(new DateOnly(2027, 1, 15), A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineMoveOnlyWhenSent);
    }

    [Fact]
    public void MoveDeadline_OfAWithdrawnRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.MoveDeadline(new DateOnly(2027, 1, 15), A.Today));
        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineMoveOnlyWhenSent);
    }

    // ---- Withdraw --------------------------------------------------------------------------------------

    [Fact]
    public void Withdraw_ASentRemiss_RecordsWhenAndWhy()
    {
        var remiss = A.SentRemiss();

        remiss.Withdraw("  Ärendet har dragits tillbaka av kommunstyrelsen.  ", A.Now.AddDays(2));

        Assert.Equal(RemissStatus.Withdrawn, remiss.Status);
        Assert.Equal(A.Now.AddDays(2), remiss.WithdrawnAt);
        Assert.Equal("Ärendet har dragits tillbaka av kommunstyrelsen.", remiss.WithdrawalReason);
    }

    [Fact]
    public void Withdraw_WithoutReason_IsAllowed()
    {
        var remiss = A.SentRemiss();

        remiss.Withdraw(" ", A.Now);

        Assert.Equal(RemissStatus.Withdrawn, remiss.Status);
        Assert.Null(remiss.WithdrawalReason);
    }

    [Fact]
    public void Withdraw_WithTooLongReason_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.Withdraw(new string('x', 2_001), A.Now));
        e.AssertRefused(Field.Reason, RefusalKey.MaxLength, 2000);
        Assert.Equal(RemissStatus.Sent, remiss.Status);
    }

    [Fact]
    public void Withdraw_ADraft_IsRefused()
    {
        var remiss = A.ReadyRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.Withdraw(null, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.WithdrawOnlyWhenSent);
    }

    [Fact]
    public void Withdraw_AClosedRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.Withdraw(null, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.WithdrawOnlyWhenSent);
        Assert.Equal(RemissStatus.Closed, remiss.Status);
    }

    [Fact]
    public void Withdraw_Twice_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.Withdraw(null, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.WithdrawOnlyWhenSent);
    }

    [Fact]
    public void Withdraw_StopsEveryRecipientFromAnswering()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => A.RecipientsOf(remiss)[0].StartDrafting(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissWithdrawn, Act.WriteResponse);
    }

    // ---- Close -----------------------------------------------------------------------------------------

    [Fact]
    public void Close_ASentRemiss_ClosesItEvenWithRecipientsStillWriting()
    {
        var remiss = A.SentRemiss();
        A.Drafted(A.RecipientsOf(remiss)[0]);

        remiss.Close(A.Now.AddDays(40));

        Assert.Equal(RemissStatus.Closed, remiss.Status);
        Assert.Equal(A.Now.AddDays(40), remiss.ClosedAt);
    }

    [Fact]
    public void Close_ADraft_IsRefused()
    {
        var remiss = A.ReadyRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.Close(A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CloseOnlyWhenSent);
    }

    [Fact]
    public void Close_Twice_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.Close(A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CloseOnlyWhenSent);
    }

    [Fact]
    public void Close_AWithdrawnRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.Close(A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CloseOnlyWhenSent);
    }

    [Fact]
    public void Close_StopsRecipientsFromAnswering()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        var e = Assert.Throws<DomainException>(() => A.RecipientsOf(remiss)[0].StartDrafting(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.WriteResponse);
    }

    [Fact]
    public void CloseIfEveryRecipientHasAnswered_WhenAllSubmittedOrDeclined_Closes()
    {
        var remiss = A.SentRemiss();
        A.Submitted(A.RecipientsOf(remiss)[0]);
        A.Submitted(A.RecipientsOf(remiss)[1]);
        A.Declined(A.RecipientsOf(remiss)[2]);

        var closed = remiss.CloseIfEveryRecipientHasAnswered(A.NotYetAnswered(remiss), A.Now.AddDays(3));

        Assert.True(closed);
        Assert.Equal(RemissStatus.Closed, remiss.Status);
        Assert.Equal(A.Now.AddDays(3), remiss.ClosedAt);
    }

    [Fact]
    public void CloseIfEveryRecipientHasAnswered_WhileOneIsStillDrafting_LeavesItSent()
    {
        var remiss = A.SentRemiss();
        A.Submitted(A.RecipientsOf(remiss)[0]);
        A.Declined(A.RecipientsOf(remiss)[1]);
        A.Drafted(A.RecipientsOf(remiss)[2]);

        Assert.False(remiss.CloseIfEveryRecipientHasAnswered(A.NotYetAnswered(remiss), A.Now));
        Assert.Equal(RemissStatus.Sent, remiss.Status);
        Assert.Null(remiss.ClosedAt);
    }

    [Fact]
    public void CloseIfEveryRecipientHasAnswered_WhenNobodyHasStarted_LeavesItSent()
    {
        var remiss = A.SentRemiss();

        Assert.False(remiss.CloseIfEveryRecipientHasAnswered(A.NotYetAnswered(remiss), A.Now));
        Assert.Equal(RemissStatus.Sent, remiss.Status);
    }

    [Fact]
    public void AnswerTally_CountsSubmittedAndDeclinedOfAll()
    {
        var remiss = A.SentRemiss();
        A.Submitted(A.RecipientsOf(remiss)[0]);
        A.Declined(A.RecipientsOf(remiss)[1]);

        Assert.Equal((2, 3), (A.RecipientsOf(remiss).Count(r => r.HasAnswered), remiss.Recipients.Count));
        Assert.Equal(1, A.NotYetAnswered(remiss));
    }

    [Fact]
    public void CloseIfEveryRecipientHasAnswered_WhenTheCountSaysOneHasNotAnswered_LeavesItSent()
    {
        // The remissinstanser are their own aggregates: the remiss decides on the count it is given, not on what is in memory.
        var remiss = A.SentRemiss();
        foreach (var recipient in A.RecipientsOf(remiss))
        {
            A.Submitted(recipient);
        }

        Assert.False(remiss.CloseIfEveryRecipientHasAnswered(1, A.Now));
        Assert.Equal(RemissStatus.Sent, remiss.Status);
        Assert.True(remiss.CloseIfEveryRecipientHasAnswered(0, A.Now));
        Assert.Equal(RemissStatus.Closed, remiss.Status);
    }

    [Fact]
    public void WithRecipients_OnARemissThatHasThem_IsRefused()
    {
        var remiss = A.ReadyRemiss();

        Assert.Throws<InvalidOperationException>(() => remiss.WithRecipients([]));
        Assert.Equal(3, remiss.Recipients.Count);
    }

    [Fact]
    public void TheRemiss_HoldsItsRecipientsOrganisations_AndEachRemissinstansIsAnAggregateOfItsOwn()
    {
        var remiss = A.ReadyRemiss();
        var remissinstanser = A.RecipientsOf(remiss);

        Assert.Equal(remissinstanser.Select(r => r.OrganisationId), remiss.RecipientOrganisationIds);
        Assert.Equal(remissinstanser.Select(r => r.Id), remiss.Recipients.Select(e => e.Id));
        Assert.All(remissinstanser, r => Assert.Equal(remiss.Id, r.Terms.RemissId));
        Assert.Throws<InvalidOperationException>(() => remissinstanser[0].Under(A.ReadyRemiss().Terms));
    }

    [Fact]
    public void TheRulesOnPlainValues_AgreeWithTheRecipientsOwn()
    {
        var remiss = A.SentRemiss();
        var recipient = A.RecipientsOf(remiss)[0];

        Assert.Equal(recipient.Deadline, Recipient.DeadlineOf(remiss.Deadline!.Value, recipient.ExtendedDeadline));
        Assert.Equal(new DateOnly(2027, 1, 15), Recipient.DeadlineOf(A.Deadline, new DateOnly(2027, 1, 15)));
        Assert.Equal(A.Deadline, Recipient.DeadlineOf(A.Deadline, A.Deadline.AddDays(-3)));
        var after = remiss.Deadline!.Value.AddDays(1);
        Assert.Equal(recipient.IsOverdue(after), Recipient.IsOverdueOn(after, remiss.Status, recipient.Status, recipient.Deadline));
        Assert.True(Recipient.IsOverdueOn(after, RemissStatus.Sent, RecipientStatus.Drafting, A.Deadline));
        Assert.False(Recipient.IsOverdueOn(after, RemissStatus.Sent, RecipientStatus.Declined, A.Deadline));
        Assert.False(Recipient.IsOverdueOn(after, RemissStatus.Closed, RecipientStatus.NotStarted, A.Deadline));
        Assert.False(Recipient.IsOverdueOn(A.Deadline, RemissStatus.Sent, RecipientStatus.NotStarted, A.Deadline));
    }

    [Fact]
    public void CloseIfEveryRecipientHasAnswered_ForADraftWithoutRecipients_DoesNothing()
    {
        var remiss = A.DraftRemiss();

        Assert.False(remiss.CloseIfEveryRecipientHasAnswered(A.NotYetAnswered(remiss), A.Now));
        Assert.Equal(RemissStatus.Draft, remiss.Status);
    }

    [Fact]
    public void CloseIfEveryRecipientHasAnswered_WhenAlreadyClosed_DoesNothing()
    {
        var remiss = A.SentRemiss();
        foreach (var recipient in A.RecipientsOf(remiss))
        {
            A.Declined(recipient);
        }

        remiss.Close(A.Now);

        Assert.False(remiss.CloseIfEveryRecipientHasAnswered(A.NotYetAnswered(remiss), A.Now.AddDays(1)));
        Assert.Equal(A.Now, remiss.ClosedAt);
    }

    // ---- Complete --------------------------------------------------------------------------------------

    [Fact]
    public void Complete_AClosedRemiss_MakesItCompleted()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);

        remiss.Complete(A.FinalDocument, A.Now.AddDays(5));

        Assert.Equal(RemissStatus.Completed, remiss.Status);
        Assert.Equal(A.Now.AddDays(5), remiss.CompletedAt);
        Assert.Equal(A.FinalDocument, remiss.FinalSummary);
        Assert.True(remiss.IsReadOnly);
    }

    [Fact]
    public void Complete_ASentRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.Complete(A.FinalDocument, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CompleteOnlyWhenClosed);
        Assert.Equal(RemissStatus.Sent, remiss.Status);
        Assert.Null(remiss.FinalSummary);
    }

    [Fact]
    public void Complete_ADraft_IsRefused()
    {
        var remiss = A.ReadyRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.Complete(A.FinalDocument, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CompleteOnlyWhenClosed);
    }

    [Fact]
    public void Complete_Twice_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.Complete(A.FinalDocument, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CompleteOnlyWhenClosed);
    }

    [Fact]
    public void Complete_AWithdrawnRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => remiss.Complete(A.FinalDocument, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.CompleteOnlyWhenClosed);
    }

    // ---- DeadlineFor -----------------------------------------------------------------------------------

    [Fact]
    public void DeadlineFor_ARecipientOfADraftWithoutDeadline_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        var recipient = A.AddRecipient(remiss, A.Organisation(tenant));

        var e = Assert.Throws<DomainException>(() => recipient.Deadline);
        e.AssertRefused(Field.Deadline, RefusalKey.NoDeadline);
    }

    [Fact]
    public void Version_IsBumpedByEveryChangeToTheDraft()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));

        remiss.UpdateDetails("Titel", "STK-1", null, A.Deadline, A.Today);
        remiss.AddQuestion(QuestionDefinition.FreeText("Fråga?"));
        A.AddRecipient(remiss, A.Organisation(tenant));

        Assert.Equal(4, remiss.Version);
    }

    [Fact]
    public void UpdateDetails_ChangingTheDeadlineToTodayOrEarlier_IsRefused()
    {
        var remiss = A.DraftRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.UpdateDetails("Titel", "STK-1", null, A.Today, A.Today));

        e.AssertRefused(Field.Deadline, RefusalKey.DeadlineNotAfterToday);
        Assert.Null(remiss.Deadline);
    }

    [Fact]
    public void UpdateDetails_KeepingADeadlineThatHasSincePassed_IsAllowed()
    {
        var remiss = A.DraftRemiss();
        remiss.UpdateDetails("Titel", "STK-1", null, A.Today.AddDays(5), A.Today);

        remiss.UpdateDetails("Ny titel", "STK-1", null, A.Today.AddDays(5), A.Today.AddDays(10));

        Assert.Equal("Ny titel", remiss.Title);
        Assert.Equal(A.Today.AddDays(5), remiss.Deadline);
    }

    [Fact]
    public void SetQuestions_MakesTheQuestionsExactlyTheseInOrder_KeepingIdentityByPosition()
    {
        var remiss = A.DraftRemiss();
        remiss.AddQuestion(QuestionDefinition.FreeText("Första"));
        remiss.AddQuestion(QuestionDefinition.FreeText("Andra"));
        remiss.AddQuestion(QuestionDefinition.FreeText("Tredje"));
        var firstId = remiss.Questions[0].Id;
        var versionBefore = remiss.Version;

        remiss.SetQuestions([QuestionDefinition.PositionOn("Ny första", required: true), QuestionDefinition.ChoiceOfOrganisations("Vem?")]);

        Assert.Equal(["Ny första", "Vem?"], remiss.Questions.Select(q => q.Text));
        Assert.Equal([1, 2], remiss.Questions.Select(q => q.Number));
        Assert.Equal(firstId, remiss.Questions[0].Id);
        Assert.Equal(QuestionType.Position, remiss.Questions[0].Type);
        Assert.True(remiss.Questions[1].OptionsAreOrganisations);
        Assert.True(remiss.Version > versionBefore);
    }

    [Fact]
    public void SetQuestions_AddsQuestionsBeyondTheExistingOnes()
    {
        var remiss = A.DraftRemiss();
        remiss.AddQuestion(QuestionDefinition.FreeText("Första"));

        remiss.SetQuestions([QuestionDefinition.FreeText("Första"), QuestionDefinition.TrafficLightOf("Bedöm", ["Trygghet"]), QuestionDefinition.FreeText(string.Empty)]);

        Assert.Equal(3, remiss.Questions.Count);
        Assert.Equal(["Trygghet"], remiss.Questions[1].Items);
        Assert.Equal(string.Empty, remiss.Questions[2].Text);
    }

    [Fact]
    public void SetQuestions_WithOneInvalidDefinition_ChangesNothing()
    {
        var remiss = A.DraftRemiss();
        remiss.AddQuestion(QuestionDefinition.FreeText("Första"));
        remiss.AddQuestion(QuestionDefinition.FreeText("Andra"));

        var e = Assert.Throws<DomainException>(() =>
            remiss.SetQuestions([QuestionDefinition.FreeText("Ändrad"), QuestionDefinition.ChoiceOf("Val", ["Ja", "ja"])]));

        e.AssertRefused(new Subject(Field.QuestionOptions, 2), RefusalKey.RepeatedInList);
        Assert.Equal(["Första", "Andra"], remiss.Questions.Select(q => q.Text));
    }

    [Fact]
    public void SetQuestions_AfterSending_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(() => remiss.SetQuestions([QuestionDefinition.FreeText("Ny")]));

        e.AssertRefused(Field.Questions, RefusalKey.ChangedAfterSending);
    }
}
