namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The yttrande: drafted together (a save on an old version is refused), validated against the questions,
/// submitted when the required questions are answered, read-only afterwards until the owner reopens it.
/// The remiss of <see cref="A.SentRemiss()"/> has 1 fritext (required), 2 ställningstagande (required),
/// 3 val among Ja/Nej/Delvis (one), 4 val among the organisations (several), 5 trafikljus (required).
/// </summary>
public sealed class ResponseTests
{
    private static Recipient Started(out Response response)
    {
        var recipient = A.RecipientOfSentRemiss();
        response = recipient.StartDrafting(A.Namndsekreterare, A.Now);
        return recipient;
    }

    private static void Save(Recipient recipient, ResponseContent content) =>
        recipient.SaveDraft(content, recipient.Response?.Version ?? 1, A.Context, A.Namndsekreterare, A.Now.AddMinutes(5));

    private static Answer AnswerTo(Recipient recipient, int number) =>
        recipient.Response!.AnswerTo(recipient.Terms.Questions.Single(q => q.Number == number)) ?? throw new InvalidOperationException($"No answer to question {number}.");

    // ---- SaveDraft -------------------------------------------------------------------------------------

    [Fact]
    public void SaveDraft_OnTheFirstVisit_CreatesTheResponseAndStoresEveryPart()
    {
        var recipient = A.RecipientOfSentRemiss();

        recipient.SaveDraft(A.CompleteResponse(), 1, A.Context, A.Namndsekreterare, A.Now.AddMinutes(5));

        var response = recipient.Response!;
        Assert.Equal(RecipientStatus.Drafting, recipient.Status);
        Assert.Equal(2, response.Version);
        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", response.Summary);
        Assert.Equal("<p>Förvaltningens överväganden.</p>", response.GeneralViews);
        Assert.Equal(5, response.Answers.Count);
        Assert.Equal(new SectionText("Barnperspektiv", "<p>Barn påverkas positivt.</p>"), Assert.Single(response.Sections));
        Assert.Equal(new Decision(DecisionKind.PreliminaryAnswer, "Tekniska nämnden", null, null), response.Decision);
        Assert.Equal(new Signatory("Eva Svensson", "Förvaltningschef"), Assert.Single(response.Signatories));
        Assert.Equal(A.Now.AddMinutes(5), response.LastSavedAt);
        Assert.Equal(A.Namndsekreterare, response.LastSavedByUserId);
    }

    [Fact]
    public void SaveDraft_StoresEachAnswerInTheShapeOfItsQuestion()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        Assert.Equal("<p>Segregationen och bristen på arbete.</p>", AnswerTo(recipient, 1).Text);
        Assert.Equal(Position.PartlySupports, AnswerTo(recipient, 2).Position);
        Assert.Equal("<p>Vi ser ett stort behov.</p>", AnswerTo(recipient, 2).Text);
        Assert.Equal(["Ja"], AnswerTo(recipient, 3).Choices);
        Assert.Equal(["Tekniska nämnden", "MKB"], AnswerTo(recipient, 4).Choices);
        Assert.Equal(A.TrafficLightItems, AnswerTo(recipient, 5).Ratings.Select(r => r.Item));
        Assert.All(AnswerTo(recipient, 5).Ratings, r => Assert.Equal(TrafficLightColour.Yellow, r.Colour));
        Assert.All(recipient.Response!.Answers, a => Assert.Equal(recipient.Response.Id, a.ResponseId));
    }

    [Fact]
    public void SaveDraft_Again_UpdatesTheSameAnswersAndBumpsTheVersion()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var answer = AnswerTo(recipient, 1);

        recipient.SaveDraft(A.ResponseWith(new AnswerContent(1, "<p>Ny text</p>")), 2, A.Context, A.Kollega, A.Now.AddHours(1));

        Assert.Same(answer, AnswerTo(recipient, 1));
        Assert.Equal("<p>Ny text</p>", answer.Text);
        Assert.Equal(3, recipient.Response!.Version);
        Assert.Equal(A.Kollega, recipient.Response.LastSavedByUserId);
        Assert.Equal(A.Now.AddHours(1), recipient.Response.LastSavedAt);
    }

    [Fact]
    public void SaveDraft_WithNothingFilledIn_IsAllowed()
    {
        var recipient = A.RecipientOfSentRemiss();

        recipient.SaveDraft(ResponseContent.Empty, 1, A.Context, A.Namndsekreterare, A.Now);

        var response = recipient.Response!;
        Assert.Null(response.Summary);
        Assert.Null(response.GeneralViews);
        Assert.Empty(response.Answers);
        Assert.Empty(response.Sections);
        Assert.Null(response.Decision);
        Assert.Empty(response.Signatories);
    }

    [Fact]
    public void SaveDraft_BasedOnAnOlderVersion_IsRefusedWithTheCurrentVersion()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.SaveDraft(A.ResponseWith(new AnswerContent(1, "<p>Kollegans text</p>")), 1, A.Context, A.Kollega, A.Now);

        var e = Assert.Throws<ConcurrencyConflictException>(
            () => recipient.SaveDraft(A.ResponseWith(new AnswerContent(1, "<p>Min text</p>")), 1, A.Context, A.Namndsekreterare, A.Now));

        Assert.Equal(2, e.CurrentVersion);
        Assert.Equal(RefusalKey.ResponseSavedMeanwhile, e.Refusal.Key);
        Assert.Equal("<p>Kollegans text</p>", AnswerTo(recipient, 1).Text);
        Assert.Equal(2, recipient.Response!.Version);
    }

    [Fact]
    public void SaveDraft_BasedOnAFutureVersion_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<ConcurrencyConflictException>(() => recipient.SaveDraft(ResponseContent.Empty, 5, A.Context, A.Namndsekreterare, A.Now));
        Assert.Equal(1, e.CurrentVersion);
    }

    [Fact]
    public void SaveDraft_ToAnUnknownQuestion_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(9, "<p>Svar</p>"))));
        e.AssertRefused(new Subject(Field.Answer, 9), RefusalKey.QuestionNotInRemiss);
    }

    [Fact]
    public void SaveDraft_WithAChoiceThatIsNotAnOption_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(3, Value: new ChoiceAnswer(["Kanske"])))));
        e.AssertRefused(new Subject(Field.Answer, 3), RefusalKey.ChoiceNotAnOption);
    }

    [Fact]
    public void SaveDraft_WithAChoiceInAnotherCase_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(3, Value: new ChoiceAnswer(["ja"])))));
        e.AssertRefused(new Subject(Field.Answer, 3), RefusalKey.ChoiceNotAnOption);
    }

    [Fact]
    public void SaveDraft_WithTwoChoicesOnASingleChoiceQuestion_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(3, Value: new ChoiceAnswer(["Ja", "Nej"])))));
        e.AssertRefused(new Subject(Field.Answer, 3), RefusalKey.SeveralChoices);
    }

    [Fact]
    public void SaveDraft_WithTheSameChoiceTwice_KeepsItOnce()
    {
        var recipient = Started(out _);

        Save(recipient, A.ResponseWith(new AnswerContent(3, Value: new ChoiceAnswer(["Nej", "Nej"]))));

        Assert.Equal(["Nej"], AnswerTo(recipient, 3).Choices);
    }

    [Fact]
    public void SaveDraft_WithSeveralOrganisationsOnAnOrganisationsQuestion_IsAllowed()
    {
        var recipient = Started(out _);

        Save(recipient, A.ResponseWith(new AnswerContent(4, "<p>Helst i samverkan.</p>", Value: new ChoiceAnswer(["Stadskontoret", "Kulturnämnden"]))));

        Assert.Equal(["Stadskontoret", "Kulturnämnden"], AnswerTo(recipient, 4).Choices);
        Assert.Equal("<p>Helst i samverkan.</p>", AnswerTo(recipient, 4).Text);
    }

    [Fact]
    public void SaveDraft_WithAnOrganisationThatIsNotTheTenants_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(4, Value: new ChoiceAnswer(["Lunds kommun"])))));
        e.AssertRefused(new Subject(Field.Answer, 4), RefusalKey.ChoiceNotAnOption);
    }

    [Fact]
    public void SaveDraft_OnAnOrganisationsQuestion_ChecksAgainstTheOrganisationNamesNotTheOwnersOptions()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(4, Value: new ChoiceAnswer(["Ja"])))));
        e.AssertRefused(new Subject(Field.Answer, 4), RefusalKey.ChoiceNotAnOption);
    }

    [Fact]
    public void SaveDraft_OnASingleOrganisationQuestion_RefusesTwo()
    {
        var tenant = A.Tenant();
        var owner = A.Owner(tenant);
        var remiss = A.DraftRemiss(owner);
        remiss.UpdateDetails(remiss.Title, "STK-1", null, A.Deadline, A.Today);
        remiss.AddQuestion(QuestionDefinition.ChoiceOfOrganisations("Vem ska samordna?"));
        var recipient = A.AddRecipient(remiss, A.Organisation(tenant));
        A.Send(remiss, A.Today, A.Now);

        var e = Assert.Throws<DomainException>(
            () => recipient.SaveDraft(A.ResponseWith(new AnswerContent(1, Value: new ChoiceAnswer(["MKB", "Miljönämnden"]))), 1, A.Context, A.Namndsekreterare, A.Now));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.SeveralChoices);
    }

    [Fact]
    public void SaveDraft_WithChoicesOnAQuestionThatIsNotAChoice_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(1, Value: new ChoiceAnswer(["Ja"])))));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.NotAChoiceQuestion);
    }

    [Fact]
    public void SaveDraft_WithAPositionOnAQuestionThatIsNotAPosition_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(1, Value: new PositionAnswer(Position.Supports)))));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.NotAPositionQuestion);
    }

    [Fact]
    public void SaveDraft_WithAnUnknownPosition_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(2, Value: new PositionAnswer((Position)42)))));
        e.AssertRefused(new Subject(Field.Answer, 2), RefusalKey.InvalidPosition);
    }

    [Theory]
    [InlineData(Position.Supports)]
    [InlineData(Position.PartlySupports)]
    [InlineData(Position.Opposes)]
    [InlineData(Position.NoComments)]
    public void SaveDraft_WithEachPositionOnAPositionQuestion_IsAllowed(Position position)
    {
        var recipient = Started(out _);

        Save(recipient, A.ResponseWith(new AnswerContent(2, Value: new PositionAnswer(position))));

        Assert.Equal(position, AnswerTo(recipient, 2).Position);
    }

    [Fact]
    public void SaveDraft_WithRatingsForTheQuestionsItems_KeepsThemWithTheirComments()
    {
        var recipient = Started(out _);

        Save(recipient, A.ResponseWith(new AnswerContent(5, Value: new TrafficLightAnswer([
            new TrafficLightRating("Trygghet", TrafficLightColour.Green, "  Bra  "),
            new TrafficLightRating("Boende", TrafficLightColour.Red, null),
            new TrafficLightRating("Arbete", null, "Vet inte"),
        ]))));

        Assert.Equal(
            [
                new TrafficLightRating("Trygghet", TrafficLightColour.Green, "Bra"),
                new TrafficLightRating("Boende", TrafficLightColour.Red, null),
                new TrafficLightRating("Arbete", null, "Vet inte"),
            ],
            AnswerTo(recipient, 5).Ratings);
    }

    [Fact]
    public void SaveDraft_WithARatingForAnItemTheQuestionDoesNotHave_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(5, Value: new TrafficLightAnswer([new TrafficLightRating("Kultur", TrafficLightColour.Green, null)])))));
        e.AssertRefused(new Subject(Field.Answer, 5), RefusalKey.RatingNotAnItem);
    }

    [Fact]
    public void SaveDraft_WithTheSameItemRatedTwice_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(5, Value: new TrafficLightAnswer([
            new TrafficLightRating("Boende", TrafficLightColour.Green, null),
            new TrafficLightRating("Boende", TrafficLightColour.Red, null),
        ])))));
        e.AssertRefused(new Subject(Field.Answer, 5), RefusalKey.ItemRatedTwice);
    }

    [Fact]
    public void SaveDraft_WithAnUnknownColour_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(5, Value: new TrafficLightAnswer([new TrafficLightRating("Boende", (TrafficLightColour)7, null)])))));
        e.AssertRefused(new Subject(Field.Answer, 5), RefusalKey.InvalidColour);
    }

    [Fact]
    public void SaveDraft_WithRatingsOnAQuestionThatIsNotATrafficLight_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(1, Value: new TrafficLightAnswer([new TrafficLightRating("Boende", TrafficLightColour.Green, null)])))));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.NotATrafficLightQuestion);
    }

    [Fact]
    public void SaveDraft_WithTooLongAnswer_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.ResponseWith(new AnswerContent(1, new string('x', Response.RichTextMaxLength + 1)))));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.MaxLength, 200_000);
    }

    [Fact]
    public void SaveDraft_WithTooLongSummary_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, ResponseContent.Empty with { Summary = new string('x', Response.RichTextMaxLength + 1) }));
        e.AssertRefused(Field.Summary, RefusalKey.MaxLength, 200_000);
    }

    [Fact]
    public void SaveDraft_WithAStandardSectionOfTheTenant_KeepsItAndDropsBlankOnes()
    {
        var recipient = Started(out _);

        Save(recipient, ResponseContent.Empty with
        {
            Sections =
            [
                new SectionContent("Barnperspektiv", "<p>Barn</p>"),
                new SectionContent("Jämställdhet", "  "),
                new SectionContent("Ekonomiska konsekvenser", "<p>Inga kostnader</p>"),
            ],
        });

        Assert.Equal(
            [new SectionText("Barnperspektiv", "<p>Barn</p>"), new SectionText("Ekonomiska konsekvenser", "<p>Inga kostnader</p>")],
            recipient.Response!.Sections);
    }

    [Fact]
    public void SaveDraft_WithASectionThatIsNotAStandardSection_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, ResponseContent.Empty with { Sections = [new SectionContent("Miljöperspektiv", "<p>Text</p>")] }));
        e.AssertRefused(new Subject(Field.SectionText, 1), RefusalKey.SectionNotStandard, "Miljöperspektiv");
    }

    [Fact]
    public void SaveDraft_WithSignatories_SkipsEmptyRowsAndTrims()
    {
        var recipient = Started(out _);

        Save(recipient, ResponseContent.Empty with
        {
            Signatories =
            [
                new SignatoryContent(" Eva Svensson ", " Förvaltningschef "),
                new SignatoryContent(" ", null),
                new SignatoryContent("Per Persson", null),
            ],
        });

        Assert.Equal([new Signatory("Eva Svensson", "Förvaltningschef"), new Signatory("Per Persson", null)], recipient.Response!.Signatories);
    }

    [Fact]
    public void SaveDraft_WithASignatoryWithATitleButNoName_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, ResponseContent.Empty with { Signatories = [new SignatoryContent(null, "Enhetschef")] }));
        e.AssertRefused(new Subject(Field.SignatoryName, 1), RefusalKey.Required);
    }

    [Fact]
    public void SaveDraft_WithTenSignatories_IsAllowed()
    {
        var recipient = Started(out _);

        Save(recipient, ResponseContent.Empty with { Signatories = [.. Enumerable.Range(1, Response.MaxSignatories).Select(i => new SignatoryContent($"Person {i}", null))] });

        Assert.Equal(Response.MaxSignatories, recipient.Response!.Signatories.Count);
    }

    [Fact]
    public void SaveDraft_WithMoreThanTenSignatories_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(
            () => Save(recipient, ResponseContent.Empty with { Signatories = [.. Enumerable.Range(1, Response.MaxSignatories + 1).Select(i => new SignatoryContent($"Person {i}", null))] }));
        e.AssertRefused(Field.Signatories, RefusalKey.TooManySignatories, 10);
    }

    [Theory]
    [InlineData(DecisionKind.BoardDecision)]
    [InlineData(DecisionKind.DelegatedDecision)]
    [InlineData(DecisionKind.PreliminaryAnswer)]
    public void SaveDraft_WithEachKindOfDecision_KeepsIt(DecisionKind kind)
    {
        var recipient = Started(out _);

        Save(recipient, ResponseContent.Empty with { Decision = new DecisionContent(kind, " Tekniska nämnden ", new DateOnly(2023, 12, 20), " § 123 ") });

        Assert.Equal(new Decision(kind, "Tekniska nämnden", new DateOnly(2023, 12, 20), "§ 123"), recipient.Response!.Decision);
    }

    [Fact]
    public void SaveDraft_WithAnUnknownKindOfDecision_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => Save(recipient, ResponseContent.Empty with { Decision = new DecisionContent((DecisionKind)0, null, null, null) }));
        e.AssertRefused(Field.Decision, RefusalKey.DecisionKindRequired);
    }

    [Fact]
    public void SaveDraft_WithTooLongParagraph_IsRefused()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(
            () => Save(recipient, ResponseContent.Empty with { Decision = new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2023, 12, 20), new string('§', 51)) }));
        e.AssertRefused(Field.DecisionParagraph, RefusalKey.MaxLength, 50);
    }

    [Fact]
    public void SaveDraft_WithoutDecision_ClearsAnEarlierOne()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        Save(recipient, ResponseContent.Empty);

        Assert.Null(recipient.Response!.Decision);
    }

    [Fact]
    public void SaveDraft_OfASubmittedYttrande_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        var version = recipient.Response!.Version;

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.CompleteResponse() with { Summary = "<p>Ändrad</p>" }));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.WriteResponse);
        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", recipient.Response.Summary);
        Assert.Equal(version, recipient.Response.Version);
    }

    [Fact]
    public void SaveDraft_AfterDeclining_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.CompleteResponse()));
        e.AssertRefused(Field.Form, RefusalKey.AlreadyDeclined, Act.WriteResponse);
    }

    [Fact]
    public void SaveDraft_AfterTheRemissIsClosed_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        var e = Assert.Throws<DomainException>(() => Save(recipient, A.CompleteResponse()));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.WriteResponse);
    }

    /// <summary>Bug: a refused save must leave the draft as it was, but the summary is written before the answers are checked.</summary>
    [Fact]
    public void SaveDraft_Refused_LeavesTheDraftAsItWas()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var response = recipient.Response!;

        Assert.Throws<DomainException>(() => Save(recipient, A.CompleteResponse() with
        {
            Summary = "<p>Halvt sparad</p>",
            Answers = [new AnswerContent(1, "<p>Halvt sparat svar</p>"), new AnswerContent(3, Value: new ChoiceAnswer(["Kanske"]))],
        }));

        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", response.Summary);
        Assert.Equal("<p>Segregationen och bristen på arbete.</p>", AnswerTo(recipient, 1).Text);
    }

    // ---- Submit ----------------------------------------------------------------------------------------

    [Fact]
    public void Submit_ACompleteYttrande_MakesItSubmittedAndReadOnly()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var response = recipient.Response!;
        var version = response.Version;
        var at = A.Now.AddHours(3);

        recipient.Submit(A.Kollega, at);

        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
        Assert.Equal(at, recipient.SubmittedAt);
        Assert.Equal(A.Kollega, recipient.SubmittedByUserId);
        Assert.True(response.IsSubmitted);
        Assert.Equal(at, response.SubmittedAt);
        Assert.Equal(A.Kollega, response.SubmittedByUserId);
        Assert.Equal(version + 1, response.Version);
        Assert.True(recipient.HasAnswered);
    }

    [Fact]
    public void Submit_WithoutEverDrafting_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.ResponseEmpty);
        Assert.Equal(RecipientStatus.NotStarted, recipient.Status);
    }

    [Fact]
    public void Submit_WithRequiredQuestionsUnanswered_ListsEachOfThem()
    {
        var recipient = Started(out _);

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));

        Assert.Equal([1, 2, 5], e.Refusals.Select(r => r.Subject.Index));
        Assert.All(e.Refusals, r => r.AssertIs(new Subject(Field.Answer, r.Subject.Index), RefusalKey.RequiredQuestionUnanswered));
        Assert.Equal(RecipientStatus.Drafting, recipient.Status);
        Assert.False(recipient.Response!.IsSubmitted);
    }

    [Fact]
    public void Submit_WithOnlyTheRequiredQuestionsAnswered_IsAllowed()
    {
        var recipient = Started(out _);
        Save(recipient, A.ResponseWith(
            new AnswerContent(1, "<p>Svar</p>"),
            new AnswerContent(2, Value: new PositionAnswer(Position.Supports)),
            new AnswerContent(5, Value: new TrafficLightAnswer([.. A.TrafficLightItems.Select(i => new TrafficLightRating(i, TrafficLightColour.Green, null))]))));

        recipient.Submit(A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Theory]
    [InlineData("<p> </p>")]
    [InlineData("<p></p>")]
    [InlineData("<p>&nbsp;</p>")]
    [InlineData("<p><br></p><ul><li> </li></ul>")]
    [InlineData("   ")]
    public void Submit_WithABlankHtmlAnswerToARequiredFreeText_IsRefused(string html)
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss(), A.CompleteResponse() with
        {
            Answers = [new AnswerContent(1, html), .. A.CompleteAnswers().Skip(1)],
        });

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.RequiredQuestionUnanswered);
        Assert.Single(e.Refusals);
    }

    [Fact]
    public void Submit_WithNoCommentsOnARequiredFreeText_IsAllowed()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss(), A.CompleteResponse() with
        {
            Answers = [new AnswerContent(1, NoComments: true), .. A.CompleteAnswers().Skip(1)],
        });

        recipient.Submit(A.Namndsekreterare, A.Now);

        Assert.True(AnswerTo(recipient, 1).NoComments);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void Submit_WithNoCommentsOnEveryRequiredQuestion_IsAllowed()
    {
        var recipient = Started(out _);
        Save(recipient, A.ResponseWith(new AnswerContent(1, NoComments: true), new AnswerContent(2, NoComments: true), new AnswerContent(5, NoComments: true)));

        recipient.Submit(A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void Submit_WithAPositionWithoutMotivation_CountsTheRequiredPositionQuestionAsAnswered()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss(), A.CompleteResponse() with
        {
            Answers = [.. A.CompleteAnswers().Where(a => a.QuestionNumber != 2), new AnswerContent(2, Value: new PositionAnswer(Position.Opposes))],
        });

        recipient.Submit(A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void Submit_WithOnlyAMotivationOnARequiredPositionQuestion_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss(), A.CompleteResponse() with
        {
            Answers = [.. A.CompleteAnswers().Where(a => a.QuestionNumber != 2), new AnswerContent(2, "<p>Vi har synpunkter.</p>")],
        });

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(new Subject(Field.Answer, 2), RefusalKey.RequiredQuestionUnanswered);
    }

    [Fact]
    public void Submit_WithATrafficLightItemLeftUnrated_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss(), A.CompleteResponse() with
        {
            Answers =
            [
                .. A.CompleteAnswers().Where(a => a.QuestionNumber != 5),
                new AnswerContent(5, Value: new TrafficLightAnswer([new TrafficLightRating("Trygghet", TrafficLightColour.Green, null), new TrafficLightRating("Boende", TrafficLightColour.Red, null)])),
            ],
        });

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(new Subject(Field.Answer, 5), RefusalKey.RequiredQuestionUnanswered);
    }

    [Fact]
    public void Submit_WithATrafficLightItemCommentedButWithoutColour_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss(), A.CompleteResponse() with
        {
            Answers =
            [
                .. A.CompleteAnswers().Where(a => a.QuestionNumber != 5),
                new AnswerContent(5, Value: new TrafficLightAnswer([
                    new TrafficLightRating("Trygghet", TrafficLightColour.Green, null),
                    new TrafficLightRating("Boende", TrafficLightColour.Red, null),
                    new TrafficLightRating("Arbete", null, "Oklart"),
                ])),
            ],
        });

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(new Subject(Field.Answer, 5), RefusalKey.RequiredQuestionUnanswered);
    }

    [Fact]
    public void Submit_WithARequiredChoiceQuestionUnanswered_IsRefused()
    {
        var tenant = A.Tenant();
        var remiss = A.DraftRemiss(A.Owner(tenant));
        remiss.UpdateDetails(remiss.Title, "STK-1", null, A.Deadline, A.Today);
        remiss.AddQuestion(QuestionDefinition.ChoiceOf("Bör arbetet starta 2024?", A.ChoiceOptions, required: true));
        var recipient = A.AddRecipient(remiss, A.Organisation(tenant));
        A.Send(remiss, A.Today, A.Now);
        recipient.SaveDraft(A.ResponseWith(new AnswerContent(1, "<p>Kommentar utan val</p>")), 1, A.Context, A.Namndsekreterare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(new Subject(Field.Answer, 1), RefusalKey.RequiredQuestionUnanswered);

        recipient.SaveDraft(A.ResponseWith(new AnswerContent(1, Value: new ChoiceAnswer(["Delvis"]))), recipient.Response!.Version, A.Context, A.Namndsekreterare, A.Now);
        recipient.Submit(A.Namndsekreterare, A.Now);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.SubmitResponse);
    }

    [Fact]
    public void Submit_AfterDeclining_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        recipient.Decline(null, A.Namndsekreterare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadyDeclined, Act.SubmitResponse);
    }

    [Fact]
    public void Submit_AfterWithdrawal_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Withdraw(null, A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissWithdrawn, Act.SubmitResponse);
    }

    [Fact]
    public void Submit_AfterTheRemissIsClosed_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.Submit(A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.SubmitResponse);
    }

    [Fact]
    public void ProblemsBeforeSubmitting_ForACompleteDraft_IsEmpty()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        Assert.Empty(recipient.Response!.ProblemsBeforeSubmitting(recipient.Terms.Questions));
    }

    // ---- Answer.Counts ---------------------------------------------------------------------------------

    [Fact]
    public void Counts_AChoiceWithNoCommentsAndNoChoice_Counts()
    {
        var recipient = Started(out _);
        Save(recipient, A.ResponseWith(new AnswerContent(3, NoComments: true)));

        Assert.True(AnswerTo(recipient, 3).Counts(recipient.Terms.Questions.Single(q => q.Number == 3)));
    }

    [Fact]
    public void Counts_AChoiceWithAChoice_Counts()
    {
        var recipient = Started(out _);
        Save(recipient, A.ResponseWith(new AnswerContent(3, Value: new ChoiceAnswer(["Nej"]))));

        Assert.True(AnswerTo(recipient, 3).Counts(recipient.Terms.Questions.Single(q => q.Number == 3)));
    }

    [Theory]
    [InlineData("<p>Text</p>", true)]
    [InlineData("<p><strong>Ja</strong></p>", true)]
    [InlineData("<p> </p>", false)]
    [InlineData("<p>&nbsp;</p>", false)]
    [InlineData("<br/>", false)]
    [InlineData(null, false)]
    public void Counts_AFreeTextAnswer_OnlyWithVisibleText(string? html, bool counts)
    {
        var recipient = Started(out _);
        Save(recipient, A.ResponseWith(new AnswerContent(1, html)));

        Assert.Equal(counts, AnswerTo(recipient, 1).Counts(recipient.Terms.Questions.Single(q => q.Number == 1)));
    }

    // ---- ConfirmDecision -------------------------------------------------------------------------------

    [Fact]
    public void ConfirmDecision_OnASubmittedPreliminaryAnswer_RecordsTheNamndsDecision()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        var response = recipient.Response!;
        var version = response.Version;

        recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now.AddDays(27));

        Assert.Equal(new Decision(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), response.Decision);
        Assert.Equal(version + 1, response.Version);
        Assert.Equal(A.Kollega, response.LastSavedByUserId);
        Assert.Equal(A.Now.AddDays(27), response.LastSavedAt);
        Assert.True(response.IsSubmitted);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
    }

    [Fact]
    public void ConfirmDecision_WithADelegationDecision_IsAllowed()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        recipient.ConfirmDecision(new DecisionContent(DecisionKind.DelegatedDecision, "Förvaltningschefen", new DateOnly(2026, 12, 20), null), null, A.Kollega, A.Now);

        Assert.Equal(DecisionKind.DelegatedDecision, recipient.Response!.Decision!.Kind);
    }

    [Fact]
    public void ConfirmDecision_OnAClosedRemiss_IsAllowed()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now);

        Assert.Equal(DecisionKind.BoardDecision, recipient.Response!.Decision!.Kind);
    }

    [Fact]
    public void ConfirmDecision_OnADraft_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmOnlySubmitted);
    }

    [Fact]
    public void ConfirmDecision_OnADeclinedRecipient_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmOnlySubmitted);
    }

    [Fact]
    public void ConfirmDecision_OnAYttrandeThatWasAlreadyTheNamndsDecision_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss(), A.CompleteResponse(DecisionKind.BoardDecision));

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmOnlyPreliminary);
    }

    [Fact]
    public void ConfirmDecision_OnAYttrandeWithoutDecision_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss(), A.CompleteResponse() with { Decision = null });

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmOnlyPreliminary);
    }

    [Fact]
    public void ConfirmDecision_WithAnotherPreliminaryAnswer_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.PreliminaryAnswer, "Tekniska nämnden", new DateOnly(2026, 12, 20), null), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.DecisionDateRequired);
        Assert.Equal(DecisionKind.PreliminaryAnswer, recipient.Response!.Decision!.Kind);
    }

    [Fact]
    public void ConfirmDecision_WithoutDecisionDate_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", null, "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.DecisionDateRequired);
    }

    [Fact]
    public void ConfirmDecision_WithAnUnknownKind_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent((DecisionKind)9, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.DecisionKindRequired);
    }

    [Fact]
    public void ConfirmDecision_Twice_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        var decision = new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123");
        recipient.ConfirmDecision(decision, null, A.Kollega, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.ConfirmDecision(decision, null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmOnlyPreliminary);
    }

    [Fact]
    public void ConfirmDecision_OnACompletedRemiss_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));
        A.ChangeRemissOf(recipient, r => r.Complete(A.FinalDocument, A.Now));

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmRemissEnded);
    }

    [Fact]
    public void ConfirmDecision_OnAWithdrawnRemiss_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Withdraw(null, A.Now));

        var e = Assert.Throws<DomainException>(
            () => recipient.ConfirmDecision(new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), null, A.Kollega, A.Now));
        e.AssertRefused(Field.Decision, RefusalKey.ConfirmRemissEnded);
    }

    // ---- Attachments -----------------------------------------------------------------------------------

    [Fact]
    public void AddAttachment_WhileDrafting_AddsItAndCountsAsASave()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var response = recipient.Response!;
        var version = response.Version;

        var attachment = recipient.AddAttachment(A.File(), A.Kollega, A.Now.AddHours(1));

        Assert.Same(attachment, Assert.Single(response.Attachments));
        Assert.Equal(response.Id, attachment.ResponseId);
        Assert.Equal(response.TenantId, attachment.TenantId);
        Assert.Equal(A.Kollega, attachment.UploadedByUserId);
        Assert.Equal(version + 1, response.Version);
        Assert.Equal(A.Kollega, response.LastSavedByUserId);
    }

    [Fact]
    public void AddAttachment_BeforeStarting_StartsTheYttrande()
    {
        var recipient = A.RecipientOfSentRemiss();

        recipient.AddAttachment(A.File(), A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Drafting, recipient.Status);
        Assert.Single(recipient.Response!.Attachments);
    }

    [Fact]
    public void RemoveAttachment_WhileDrafting_RemovesIt()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var attachment = recipient.AddAttachment(A.File(), A.Namndsekreterare, A.Now);

        var removed = recipient.RemoveAttachment(attachment.Id, A.Namndsekreterare, A.Now);

        Assert.Same(attachment, removed);
        Assert.Empty(recipient.Response!.Attachments);
    }

    [Fact]
    public void RemoveAttachment_ThatDoesNotExist_IsNotFound()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<NotFoundException>(() => recipient.RemoveAttachment(Guid.NewGuid(), A.Namndsekreterare, A.Now));
        Assert.Contains("Bilagan", e.Message);
    }

    [Fact]
    public void AddAttachment_ToASubmittedYttrande_IsRefused()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.AddAttachment(A.File(), A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.WriteResponse);
        Assert.Empty(recipient.Response!.Attachments);
    }

    [Fact]
    public void RemoveAttachment_FromASubmittedYttrande_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        var attachment = recipient.AddAttachment(A.File(), A.Namndsekreterare, A.Now);
        recipient.Submit(A.Namndsekreterare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.RemoveAttachment(attachment.Id, A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadySubmitted, Act.WriteResponse);
        Assert.Single(recipient.Response!.Attachments);
    }

    [Fact]
    public void AddAttachment_AfterDeclining_IsRefused()
    {
        var recipient = A.Declined(A.RecipientOfSentRemiss());

        var e = Assert.Throws<DomainException>(() => recipient.AddAttachment(A.File(), A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.AlreadyDeclined, Act.WriteResponse);
    }

    [Fact]
    public void AddAttachment_AfterWithdrawal_IsRefused()
    {
        var recipient = A.Drafted(A.RecipientOfSentRemiss());
        A.ChangeRemissOf(recipient, r => r.Withdraw(null, A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.AddAttachment(A.File(), A.Namndsekreterare, A.Now));
        e.AssertRefused(Field.Form, RefusalKey.RemissWithdrawn, Act.WriteResponse);
    }

    // ---- Blank HTML ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("<p></p>", true)]
    [InlineData("<p> </p>", true)]
    [InlineData("<p>&nbsp;</p>", true)]
    [InlineData("<p>\u00a0</p>", true)]
    [InlineData("<ul><li><br></li></ul>", true)]
    [InlineData("<p>x</p>", false)]
    [InlineData("Inga synpunkter", false)]
    public void IsBlankHtml_IsTrueOnlyWithoutVisibleText(string? html, bool blank)
    {
        Assert.Equal(blank, Response.IsBlankHtml(html));
    }

    [Fact]
    public void ConfirmDecision_WithTheProtokollsutdrag_AttachesItWithoutReopeningTheText()
    {
        var recipient = A.Submitted(A.RecipientOfSentRemiss());

        recipient.ConfirmDecision(
            new DecisionContent(DecisionKind.BoardDecision, "Tekniska nämnden", new DateOnly(2026, 12, 20), "§ 123"), A.File(), A.Kollega, A.Now.AddDays(27));

        Assert.True(recipient.Response!.IsSubmitted);
        Assert.Equal(RecipientStatus.Submitted, recipient.Status);
        var attachment = Assert.Single(recipient.Response.Attachments);
        Assert.Equal("Protokollsutdrag TN 2023-12-20 § 123.pdf", attachment.FileName);
    }

    [Fact]
    public void SaveDraft_TheFirstSave_CreatesTheYttrandeWhateverVersionTheEmptyFormCarried()
    {
        var recipient = A.RecipientOfSentRemiss();

        recipient.SaveDraft(A.CompleteResponse(), basedOnVersion: 0, A.Context, A.Namndsekreterare, A.Now);

        Assert.Equal(RecipientStatus.Drafting, recipient.Status);
        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", recipient.Response!.Summary);
    }

    [Fact]
    public void SaveDraft_ASecondSaveBasedOnTheEmptyForm_IsAConflict()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.SaveDraft(A.CompleteResponse(), basedOnVersion: 0, A.Context, A.Namndsekreterare, A.Now);

        var conflict = Assert.Throws<ConcurrencyConflictException>(() =>
            recipient.SaveDraft(A.CompleteResponse() with { Summary = "<p>Kollegans text.</p>" }, basedOnVersion: 0, A.Context, A.Kollega, A.Now));

        Assert.Equal(recipient.Response!.Version, conflict.CurrentVersion);
        Assert.Equal("<p>Förvaltningen ställer sig positiv.</p>", recipient.Response.Summary);
    }
}
