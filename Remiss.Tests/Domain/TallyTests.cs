namespace Remiss.Tests.Domain;

using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

public sealed class TallyTests
{
    [Fact]
    public void Positions_are_counted_per_kind_and_an_answer_marked_no_comments_counts_as_such()
    {
        var remiss = A.SentRemiss();
        A.Submitted(A.RecipientsOf(remiss)[0], A.ResponseWith(new AnswerContent(1, "<p>x</p>"), new AnswerContent(2, null, new PositionAnswer(Position.Supports)), new AnswerContent(5, NoComments: true)));
        A.Submitted(A.RecipientsOf(remiss)[1], A.ResponseWith(new AnswerContent(1, "<p>x</p>"), new AnswerContent(2, NoComments: true), new AnswerContent(5, NoComments: true)));
        var answers = A.RecipientsOf(remiss).Select(r => r.Response?.AnswerTo(remiss.Questions[1])).OfType<Answer>();

        Assert.Equal([(Position.Supports, 1), (Position.PartlySupports, 0), (Position.Opposes, 0), (Position.NoComments, 1)], PositionQuestion.Tally(answers));
    }

    [Fact]
    public void Choices_are_counted_per_option_and_traffic_lights_per_item_and_colour()
    {
        var remiss = A.SentRemiss();
        A.Submitted(A.RecipientsOf(remiss)[0]);
        A.Submitted(A.RecipientsOf(remiss)[1], A.CompleteResponse() with
        {
            Answers = [.. A.CompleteAnswers().Take(2), new AnswerContent(3, Value: new ChoiceAnswer(["Nej"])), new AnswerContent(4, Value: new ChoiceAnswer(["MKB"])), new AnswerContent(5, Value: new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Red, null), new("Boende", TrafficLightColour.Green, null), new("Arbete", TrafficLightColour.Yellow, null)]))],
        });
        IEnumerable<Answer> To(int number) => A.RecipientsOf(remiss).Select(r => r.Response?.AnswerTo(remiss.QuestionNumber(number))).OfType<Answer>();

        Assert.Equal([("Ja", 1), ("Nej", 1), ("Delvis", 0)], ChoiceQuestion.Tally(remiss.QuestionNumber(3), To(3), StringComparer.Ordinal));
        Assert.Equal([("MKB", 2), ("Tekniska nämnden", 1)], ChoiceQuestion.Tally(remiss.QuestionNumber(4), To(4), StringComparer.Ordinal));
        Assert.Equal(
            [("Trygghet", 0, 1, 1, 0), ("Boende", 1, 1, 0, 0), ("Arbete", 0, 2, 0, 0)],
            TrafficLightQuestion.Tally(remiss.QuestionNumber(5), To(5)));
    }
}
