namespace Remiss.Tests.Domain;

using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// An yttrande form nobody has written in is empty: going from it to Begär anstånd or Avstå creates no draft. The
/// untouched form still posts its question numbers, the standard sections' names and blank signatory rows.
/// </summary>
public sealed class ResponseContentTests
{
    private static readonly ResponseContent UntouchedForm = new(
        null,
        "  ",
        [new AnswerContent(1), new AnswerContent(2, "<p></p>"), new AnswerContent(3, null, new ChoiceAnswer([])), new AnswerContent(5, null, new TrafficLightAnswer([]))],
        [new SectionContent("Barnperspektiv", null), new SectionContent("Jämställdhet", "<p>&nbsp;</p>")],
        null,
        [new SignatoryContent(null, null), new SignatoryContent(" ", "")]);

    [Fact]
    public void IsEmpty_OfAnUntouchedForm_IsTrue()
    {
        Assert.True(ResponseContent.Empty.IsEmpty);
        Assert.True(UntouchedForm.IsEmpty);
    }

    public static TheoryData<string> Typed => ["summary", "answer", "position", "choice", "no comments", "section", "decision", "signatory"];

    [Theory]
    [MemberData(nameof(Typed))]
    public void IsEmpty_WithAnythingTypedChosenOrMarked_IsFalse(string what)
    {
        var content = what switch
        {
            "summary" => UntouchedForm with { Summary = "<p>Kort.</p>" },
            "answer" => UntouchedForm with { Answers = [new AnswerContent(1, "Ett svar")] },
            "position" => UntouchedForm with { Answers = [new AnswerContent(2, null, new PositionAnswer(Position.Opposes))] },
            "choice" => UntouchedForm with { Answers = [new AnswerContent(3, null, new ChoiceAnswer(["Ja"]))] },
            "no comments" => UntouchedForm with { Answers = [new AnswerContent(1, NoComments: true)] },
            "section" => UntouchedForm with { Sections = [new SectionContent("Barnperspektiv", "Barn påverkas.")] },
            "decision" => UntouchedForm with { Decision = new DecisionContent(DecisionKind.PreliminaryAnswer, "Tekniska nämnden", null, null) },
            _ => UntouchedForm with { Signatories = [new SignatoryContent("Eva Svensson", null)] },
        };

        Assert.False(content.IsEmpty);
    }
}
