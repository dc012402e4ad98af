namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The owner's work on the answers: synpunkter with bemötande and ställningstagande, themes and comments per question.
/// Only on what was submitted, only while the remiss is Utskickad or Stängd, and never over someone else's newer save.
/// </summary>
public sealed class ReviewTests
{
    private static readonly PointContent Content = new("Samordningen behöver stärkas.", "Förslaget förtydligas.", Disposition.Considered, []);

    private static (Remiss Remiss, Recipient Submitted, Recipient Drafting) Answered()
    {
        var remiss = A.SentRemiss();
        var recipients = A.RecipientsOf(remiss);
        return (remiss, A.Submitted(recipients[0]), A.Drafted(recipients[1]));
    }

    // ---- Raise ---------------------------------------------------------------------------------------

    [Fact]
    public void Raise_FromASubmittedAnswer_HoldsThePointTheReplyAndTheDisposition()
    {
        var (remiss, submitted, _) = Answered();

        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(2), Content, [], A.Handlaggare, A.Now);

        Assert.Equal(remiss.Id, point.RemissId);
        Assert.Equal(submitted.Id, point.RecipientId);
        Assert.Equal(2, point.QuestionNumber);
        Assert.Null(point.Section);
        Assert.Equal("Samordningen behöver stärkas.", point.Text);
        Assert.Equal("Förslaget förtydligas.", point.Reply);
        Assert.Equal(Disposition.Considered, point.Disposition);
        Assert.Equal(1, point.Version);
        Assert.Equal(A.Handlaggare, point.CreatedByUserId);
    }

    [Fact]
    public void Raise_WithoutReplyOrDisposition_IsAllowed_TheOfficeDecidesLater()
    {
        var (remiss, submitted, _) = Answered();

        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), new PointContent("En synpunkt.", " ", null, []), [], A.Handlaggare, A.Now);

        Assert.Null(point.Reply);
        Assert.Null(point.Disposition);
    }

    [Fact]
    public void Raise_FromADraft_IsRefused()
    {
        var (remiss, _, drafting) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, drafting, PointSource.Question(1), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Point, RefusalKey.PointOnlyFromSubmitted);
    }

    [Fact]
    public void Raise_FromADeclinedRecipient_IsRefused()
    {
        var remiss = A.SentRemiss();
        var declined = A.Declined(A.RecipientsOf(remiss)[2]);

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, declined, PointSource.Question(1), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Point, RefusalKey.PointOnlyFromSubmitted);
    }

    [Fact]
    public void Raise_WithoutText_IsRefusedOnTheSynpunktField()
    {
        var (remiss, submitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content with { Text = "  " }, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Point, RefusalKey.Required);
    }

    [Fact]
    public void Raise_WithATooLongReply_IsRefusedOnTheBemotandeField()
    {
        var (remiss, submitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(
            remiss, submitted, PointSource.Question(1), Content with { Reply = new string('x', RaisedPoint.ReplyMaxLength + 1) }, [], A.Handlaggare, A.Now));

        Assert.Equal(Field.Reply, Assert.Single(e.Refusals).Subject.Field);
    }

    [Fact]
    public void Raise_WithAnUnknownDisposition_IsRefused()
    {
        var (remiss, submitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(
            remiss, submitted, PointSource.Question(1), Content with { Disposition = (Disposition)99 }, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Disposition, RefusalKey.DispositionUnknown);
    }

    [Fact]
    public void Raise_OnAQuestionTheRemissDoesNotAsk_IsRefused()
    {
        var (remiss, submitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, submitted, PointSource.Question(9), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Point, RefusalKey.PointSourceUnknown);
    }

    [Theory]
    [InlineData(PointSource.SummarySection)]
    [InlineData(PointSource.GeneralViewsSection)]
    [InlineData("Barnperspektiv")]
    public void Raise_FromASectionTheYttrandeHas_BelongsToNoQuestion(string section)
    {
        var (remiss, submitted, _) = Answered();

        var point = RaisedPoint.Raise(remiss, submitted, PointSource.InSection(section), Content, [], A.Handlaggare, A.Now);

        Assert.Null(point.QuestionNumber);
        Assert.Equal(section, point.Section);
        Assert.False(point.Source.IsQuestion);
    }

    [Fact]
    public void Raise_FromASectionTheYttrandeLeftEmpty_IsRefused()
    {
        var (remiss, submitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, submitted, PointSource.InSection("Ekonomiska konsekvenser"), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Point, RefusalKey.PointSourceUnknown);
    }

    [Fact]
    public void Raise_FromARecipientOfAnotherRemiss_IsRefused()
    {
        var (remiss, _, _) = Answered();
        var (_, otherSubmitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, otherSubmitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Form, RefusalKey.NotARecipient);
    }

    [Fact]
    public void Raise_OnAWithdrawnRemiss_IsRefused()
    {
        var (remiss, submitted, _) = Answered();
        remiss.Withdraw(null, A.Now);

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Form, RefusalKey.ReviewOnlyWhenAnswered);
    }

    [Fact]
    public void Raise_OnAClosedRemiss_IsAllowed()
    {
        var (remiss, submitted, _) = Answered();
        remiss.Close(A.Now);

        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now);

        Assert.Equal(1, point.Version);
    }

    [Fact]
    public void Raise_OnACompletedRemiss_IsRefused_ItIsReadOnly()
    {
        var (remiss, submitted, _) = Answered();
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Form, RefusalKey.CompletedIsReadOnly);
    }

    [Fact]
    public void Raise_UnderAThemeOfAnotherRemiss_IsRefused()
    {
        var (remiss, submitted, _) = Answered();
        var (other, _, _) = Answered();
        var foreign = Theme.Create(other, "Ekonomi", []);

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(
            remiss, submitted, PointSource.Question(1), Content with { ThemeIds = [foreign.Id] }, [foreign], A.Handlaggare, A.Now));

        e.AssertRefused(Field.Themes, RefusalKey.ThemeNotFound);
    }

    [Fact]
    public void Raise_UnderThemes_KeepsEachOnce()
    {
        var (remiss, submitted, _) = Answered();
        var ekonomi = Theme.Create(remiss, "Ekonomi", []);

        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content with { ThemeIds = [ekonomi.Id, ekonomi.Id] }, [ekonomi], A.Handlaggare, A.Now);

        Assert.Equal([ekonomi.Id], point.ThemeIds);
    }

    // ---- Revise --------------------------------------------------------------------------------------

    [Fact]
    public void Revise_OnTheVersionItWasBasedOn_SavesAndBumpsTheVersion()
    {
        var (remiss, submitted, _) = Answered();
        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now);

        point.Revise(remiss, Content with { Reply = "Ny bemötandetext.", Disposition = Disposition.Noted }, [], 1, A.Kollega, A.Now.AddHours(1));

        Assert.Equal("Ny bemötandetext.", point.Reply);
        Assert.Equal(Disposition.Noted, point.Disposition);
        Assert.Equal(2, point.Version);
        Assert.Equal(A.Kollega, point.LastSavedByUserId);
        Assert.Equal(A.Now.AddHours(1), point.LastSavedAt);
    }

    [Fact]
    public void Revise_OnAnOlderVersion_IsAConflict_AndNothingIsWrittenOver()
    {
        var (remiss, submitted, _) = Answered();
        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now);
        point.Revise(remiss, Content with { Reply = "Kollegans bemötande." }, [], 1, A.Kollega, A.Now);

        var e = Assert.Throws<ConcurrencyConflictException>(() => point.Revise(remiss, Content with { Reply = "Mitt bemötande." }, [], 1, A.Handlaggare, A.Now));

        Assert.Equal(RefusalKey.PointSavedMeanwhile, e.Refusal.Key);
        Assert.Equal(2, e.CurrentVersion);
        Assert.Equal("Kollegans bemötande.", point.Reply);
    }

    [Fact]
    public void Revise_AfterTheRemissIsCompleted_IsRefused()
    {
        var (remiss, submitted, _) = Answered();
        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now);
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => point.Revise(remiss, Content with { Reply = "Sent ändrat." }, [], 1, A.Handlaggare, A.Now));

        e.AssertRefused(Field.Form, RefusalKey.CompletedIsReadOnly);
        Assert.Equal("Förslaget förtydligas.", point.Reply);
    }

    [Fact]
    public void EnsureEditable_AfterTheRemissIsCompleted_IsRefused_SoAPointCannotBeRemoved()
    {
        var (remiss, submitted, _) = Answered();
        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now);
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => point.EnsureEditable(remiss));

        e.AssertRefused(Field.Form, RefusalKey.CompletedIsReadOnly);
    }

    [Fact]
    public void EnsureEditable_WithAnotherRemiss_IsNotFound()
    {
        var (remiss, submitted, _) = Answered();
        var point = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content, [], A.Handlaggare, A.Now);

        var e = Assert.Throws<DomainException>(() => point.EnsureEditable(A.SentRemiss()));

        e.AssertRefused(Field.Form, RefusalKey.PointNotFound);
    }

    // ---- Themes --------------------------------------------------------------------------------------

    [Fact]
    public void Theme_WithANameTheRemissHasInAnotherCase_IsRefused()
    {
        var (remiss, _, _) = Answered();
        var ekonomi = Theme.Create(remiss, "Ekonomi", []);

        var e = Assert.Throws<DomainException>(() => Theme.Create(remiss, "ekonomi ", [ekonomi]));

        e.AssertRefused(Field.ThemeName, RefusalKey.ThemeNameTaken, "ekonomi");
    }

    [Fact]
    public void Theme_Renamed_ToItsOwnNameInAnotherCase_IsAllowed()
    {
        var (remiss, _, _) = Answered();
        var ekonomi = Theme.Create(remiss, "ekonomi", []);

        ekonomi.Rename(remiss, "Ekonomi", [ekonomi]);

        Assert.Equal("Ekonomi", ekonomi.Name);
    }

    [Fact]
    public void Theme_WithoutAName_IsRefused()
    {
        var (remiss, _, _) = Answered();

        var e = Assert.Throws<DomainException>(() => Theme.Create(remiss, " ", []));

        e.AssertRefused(Field.ThemeName, RefusalKey.Required);
    }

    [Fact]
    public void Theme_MergedIntoAnother_FilesEveryPointUnderThatOneOnce()
    {
        var (remiss, submitted, _) = Answered();
        var ekonomi = Theme.Create(remiss, "Ekonomi", []);
        var pengar = Theme.Create(remiss, "Pengar", [ekonomi]);
        var both = RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content with { ThemeIds = [pengar.Id, ekonomi.Id] }, [ekonomi, pengar], A.Handlaggare, A.Now);
        var only = RaisedPoint.Raise(remiss, submitted, PointSource.Question(2), Content with { ThemeIds = [pengar.Id] }, [ekonomi, pengar], A.Handlaggare, A.Now);
        var neither = RaisedPoint.Raise(remiss, submitted, PointSource.Question(2), Content, [], A.Handlaggare, A.Now);

        pengar.MergeInto(remiss, ekonomi, [both, only, neither]);

        Assert.Equal([ekonomi.Id], both.ThemeIds);
        Assert.Equal([ekonomi.Id], only.ThemeIds);
        Assert.Empty(neither.ThemeIds);
        Assert.Equal(2, only.Version);
        Assert.Equal(1, neither.Version);
    }

    [Fact]
    public void Theme_MergedIntoItself_IsRefused()
    {
        var (remiss, _, _) = Answered();
        var ekonomi = Theme.Create(remiss, "Ekonomi", []);

        var e = Assert.Throws<DomainException>(() => ekonomi.MergeInto(remiss, ekonomi, []));

        e.AssertRefused(Field.Themes, RefusalKey.ThemeMergedIntoItself);
    }

    [Fact]
    public void Theme_OnACompletedRemiss_CannotBeRenamed()
    {
        var (remiss, _, _) = Answered();
        var ekonomi = Theme.Create(remiss, "Ekonomi", []);
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => ekonomi.Rename(remiss, "Pengar", [ekonomi]));

        e.AssertRefused(Field.Form, RefusalKey.CompletedIsReadOnly);
    }

    // ---- Comments ------------------------------------------------------------------------------------

    [Fact]
    public void Comment_WrittenThenRevised_KeepsTheLatestText()
    {
        var (remiss, _, _) = Answered();
        var comment = QuestionComment.Write(remiss, 2, "De flesta tillstyrker.", A.Handlaggare, A.Now);

        comment.Revise(remiss, "Alla tillstyrker.", 1, A.Kollega, A.Now.AddHours(1));

        Assert.Equal("Alla tillstyrker.", comment.Text);
        Assert.Equal(2, comment.Version);
        Assert.Equal(A.Kollega, comment.LastSavedByUserId);
    }

    [Fact]
    public void Comment_RevisedOnAnOlderVersion_IsAConflictOnThatQuestion()
    {
        var (remiss, _, _) = Answered();
        var comment = QuestionComment.Write(remiss, 2, "De flesta tillstyrker.", A.Handlaggare, A.Now);
        comment.Revise(remiss, "Kollegans text.", 1, A.Kollega, A.Now);

        var e = Assert.Throws<ConcurrencyConflictException>(() => comment.Revise(remiss, "Min text.", 1, A.Handlaggare, A.Now));

        Assert.Equal(new Subject(Field.Comment, 2), e.Refusal.Subject);
        Assert.Equal(RefusalKey.CommentSavedMeanwhile, e.Refusal.Key);
        Assert.Equal("Kollegans text.", comment.Text);
    }

    [Fact]
    public void Comment_OnAQuestionTheRemissDoesNotAsk_IsRefused()
    {
        var (remiss, _, _) = Answered();

        var e = Assert.Throws<DomainException>(() => QuestionComment.Write(remiss, 9, "Text.", A.Handlaggare, A.Now));

        e.AssertRefused(new Subject(Field.Comment, 9), RefusalKey.QuestionNotFound);
    }

    [Fact]
    public void Comment_OnADraftRemiss_IsRefused()
    {
        var remiss = A.ReadyRemiss();

        var e = Assert.Throws<DomainException>(() => QuestionComment.Write(remiss, 1, "Text.", A.Handlaggare, A.Now));

        e.AssertRefused(Field.Form, RefusalKey.ReviewOnlyWhenAnswered);
    }

    [Fact]
    public void Comment_OnACompletedRemiss_IsRefused()
    {
        var (remiss, _, _) = Answered();
        var comment = QuestionComment.Write(remiss, 1, "Text.", A.Handlaggare, A.Now);
        remiss.Close(A.Now);
        remiss.Complete(A.FinalDocument, A.Now);

        var e = Assert.Throws<DomainException>(() => comment.Revise(remiss, "Ändrad.", 1, A.Handlaggare, A.Now));

        e.AssertRefused(Field.Form, RefusalKey.CompletedIsReadOnly);
    }

    [Fact]
    public void Refusals_OfTheReview_AreSaidInSwedish_NamingTheirField()
    {
        var (remiss, submitted, _) = Answered();

        var e = Assert.Throws<DomainException>(() => RaisedPoint.Raise(remiss, submitted, PointSource.Question(1), Content with { Text = null }, [], A.Handlaggare, A.Now));

        Assert.Equal("Ange synpunkt.", e.Said());
        Assert.Equal("Beaktas delvis", Dispositions.Label(Disposition.PartlyConsidered));
    }
}
