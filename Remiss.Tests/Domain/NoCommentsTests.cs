namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// "Inga synpunkter" and the answer agree: the mark cannot stand beside a written answer, and Ställningstagande, which
/// has "Inga synpunkter" among its positions, takes the mark as that position rather than as a second way to say it.
/// The remiss of <see cref="A.SentRemiss()"/> has 1 fritext, 2 ställningstagande, 3 val, 4 val of organisations, 5 trafikljus.
/// </summary>
public sealed class NoCommentsTests
{
    private static void Save(Recipient recipient, params AnswerContent[] answers) =>
        recipient.SaveDraft(A.ResponseWith(answers), recipient.Response?.Version ?? 1, A.Context, A.Namndsekreterare, A.Now.AddMinutes(5));

    private static Answer AnswerTo(Recipient recipient, int number) =>
        recipient.Response!.AnswerTo(recipient.Terms.Questions.Single(q => q.Number == number))!;

    [Fact]
    public void SaveDraft_WithNoCommentsBesideAWrittenAnswer_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => Save(recipient, new AnswerContent(1, "<p>Vi har synpunkter ändå.</p>", NoComments: true)));

        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.NoCommentsWithText);
        Assert.Empty(recipient.Response?.Answers ?? []);
    }

    [Fact]
    public void SaveDraft_WithNoCommentsBesideAChoiceComment_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var before = recipient.Response!.Version;

        var e = Assert.Throws<DomainException>(() => Save(recipient, new AnswerContent(3, "<p>En kommentar.</p>", NoComments: true)));

        e.AssertRefused(new Subject(Field.Answer, 3), RefusalKey.NoCommentsWithText);
        Assert.Equal(before, recipient.Response.Version);
        Assert.False(AnswerTo(recipient, 3).NoComments);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<p></p>")]
    [InlineData("<p>&nbsp;</p>")]
    public void SaveDraft_WithNoCommentsAndAnEmptyAnswer_IsAllowed(string? text)
    {
        var recipient = A.RecipientOfSentRemiss();

        Save(recipient, new AnswerContent(1, text, NoComments: true));

        Assert.True(AnswerTo(recipient, 1).NoComments);
    }

    [Fact]
    public void SaveDraft_WithNoCommentsOnAPositionQuestion_StoresThePositionIngaSynpunkter()
    {
        var recipient = A.RecipientOfSentRemiss();

        Save(recipient, new AnswerContent(2, "<p>Frågan rör inte nämndens ansvar.</p>", NoComments: true));

        var answer = AnswerTo(recipient, 2);
        Assert.Equal(Position.NoComments, answer.Position);
        Assert.False(answer.NoComments);
        Assert.Equal("<p>Frågan rör inte nämndens ansvar.</p>", answer.Text);
        Assert.True(answer.Counts(recipient.Terms.Questions.Single(q => q.Number == 2)));
    }

    [Fact]
    public void SaveDraft_WithNoCommentsAndThePositionIngaSynpunkter_StoresThePositionOnce()
    {
        var recipient = A.RecipientOfSentRemiss();

        Save(recipient, new AnswerContent(2, null, new PositionAnswer(Position.NoComments), NoComments: true));

        Assert.Equal((Position.NoComments, false), (AnswerTo(recipient, 2).Position, AnswerTo(recipient, 2).NoComments));
    }

    [Fact]
    public void SaveDraft_WithNoCommentsBesideAnotherPosition_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => Save(recipient, new AnswerContent(2, null, new PositionAnswer(Position.Supports), NoComments: true)));

        e.AssertRefused(new Subject(Field.Answer, 2), RefusalKey.NoCommentsWithOtherAnswer);
        Assert.Empty(recipient.Response?.Answers ?? []);
    }

    [Fact]
    public void NoCommentsValue_IsThePositionOfThatNameForStallningstagande_AndNoneForTheOtherTypes()
    {
        Assert.Equal(new PositionAnswer(Position.NoComments), QuestionKinds.Of(QuestionType.Position).NoCommentsValue);
        Assert.All(QuestionKinds.All.Where(k => k.Type != QuestionType.Position), k => Assert.Null(k.NoCommentsValue));
    }
}
