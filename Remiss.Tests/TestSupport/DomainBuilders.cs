namespace Remiss.Tests.TestSupport;

using System.Runtime.CompilerServices;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

/// <summary>
/// Test data for the domain model, on a fixed clock: today is Monday 23 November 2026 (Stockholm), the
/// sista svarsdag is 31 December 2026. Everything is built through the domain's own public methods.
/// </summary>
public static class A
{
    /// <summary>10:00 in Stockholm on 23 November 2026.</summary>
    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly DateOnly Deadline = new(2026, 12, 31);

    /// <summary>A final sammanställning as the storage would have recorded it.</summary>
    public static readonly FinalDocument FinalDocument = new("final/sammanstallning.docx", new string('a', 64), 12_345);

    /// <summary>The handläggare at the owner who creates and sends the remiss.</summary>
    public static readonly Guid Handlaggare = Guid.Parse("0191a5c2-0000-7000-8000-000000000001");

    /// <summary>The nämndsekreterare at a recipient who drafts and submits the yttrande.</summary>
    public static readonly Guid Namndsekreterare = Guid.Parse("0191a5c2-0000-7000-8000-000000000002");

    /// <summary>A second member of the same recipient, editing the same draft.</summary>
    public static readonly Guid Kollega = Guid.Parse("0191a5c2-0000-7000-8000-000000000003");

    public const string OwnerName = "Stadskontoret";

    /// <summary>The recipients of <see cref="SentRemiss()"/>, in order.</summary>
    public static readonly IReadOnlyList<string> RecipientNames = ["Tekniska nämnden", "Miljönämnden", "MKB"];

    /// <summary>The organisations of the tenant, for "choose an organisation" questions.</summary>
    public static readonly IReadOnlyList<string> OrganisationNames = [OwnerName, .. RecipientNames, "Kulturnämnden"];

    public static readonly IReadOnlyList<string> ChoiceOptions = ["Ja", "Nej", "Delvis"];

    public static readonly IReadOnlyList<string> TrafficLightItems = ["Trygghet", "Boende", "Arbete"];

    /// <summary>What the tenant contributes to an yttrande: the default standard sections and its organisations.</summary>
    public static ResponseContext Context { get; } = new(global::Remiss.Domain.Organisations.Tenant.DefaultStandardSections, OrganisationNames);

    public static Tenant Tenant(string slug = "malmo", string name = "Malmö stad") => global::Remiss.Domain.Organisations.Tenant.Create(slug, name, Now);

    public static Organisation Organisation(Tenant tenant, string name = "Tekniska nämnden", OrganisationKind kind = OrganisationKind.Namnd, string? functionalMailbox = null) =>
        global::Remiss.Domain.Organisations.Organisation.Create(tenant.Id, name, kind, functionalMailbox);

    public static Organisation Owner(Tenant tenant) => Organisation(tenant, OwnerName, OrganisationKind.Forvaltning);

    /// <summary>One question of each type, numbered 1–5: fritext (required), ställningstagande (required),
    /// val among the owner's options (one), val among the tenant's organisations (several), trafikljus (required).</summary>
    public static IReadOnlyList<QuestionDefinition> QuestionsOfEveryType() =>
    [
        QuestionDefinition.FreeText("Vilka är de viktigaste utmaningarna i områdena?", required: true),
        QuestionDefinition.PositionOn("Tillstyrker ni förslaget om ett långsiktigt områdeslyft?", required: true),
        QuestionDefinition.ChoiceOf("Bör arbetet starta 2024?", ChoiceOptions),
        QuestionDefinition.ChoiceOfOrganisations("Vilken nämnd eller vilket bolag bör samordna arbetet?", several: true),
        QuestionDefinition.TrafficLightOf("Hur går arbetet inom respektive område?", TrafficLightItems, required: true),
    ];

    /// <summary>A draft with only a title, owned by a new Stadskontoret in a new tenant.</summary>
    public static Remiss DraftRemiss() => DraftRemiss(Owner(Tenant()));

    public static Remiss DraftRemiss(Organisation owner, string title = "Definiera och starta ett långsiktigt och strategiskt områdeslyft") =>
        Remiss.CreateDraft(owner, title, Handlaggare, Now);

    /// <summary>A draft that can be sent today: details, a question of each type and three recipients.</summary>
    public static Remiss ReadyRemiss()
    {
        var tenant = Tenant();
        return ReadyRemiss(Owner(tenant), [.. RecipientNames.Select(n => Organisation(tenant, n))]);
    }

    public static Remiss ReadyRemiss(Organisation owner, IEnumerable<Organisation> recipients, DateOnly? deadline = null)
    {
        var remiss = DraftRemiss(owner);
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", "<p>Stadskontoret föreslår ett områdeslyft.</p>", deadline ?? Deadline, A.Today, "Anna Andersson", "anna.andersson@malmo.se");
        foreach (var question in QuestionsOfEveryType())
        {
            remiss.AddQuestion(question);
        }

        foreach (var recipient in recipients)
        {
            AddRecipient(remiss, recipient);
        }

        return remiss;
    }

    /// <summary>
    /// The remissinstanser the builders created, each an aggregate of its own; what the database holds for them in
    /// the application, this table holds for a test's remiss.
    /// </summary>
    private static readonly ConditionalWeakTable<Remiss, List<Recipient>> Remissinstanser = new();

    private static readonly ConditionalWeakTable<Recipient, Remiss> RemissByRecipient = new();

    /// <summary>Adds a recipient as the services do, and keeps the new remissinstans for <see cref="RecipientsOf"/>.</summary>
    public static Recipient AddRecipient(Remiss remiss, Organisation organisation, DateTime? nowUtc = null)
    {
        var recipient = remiss.AddRecipient(organisation, nowUtc);
        Remissinstanser.GetOrCreateValue(remiss).Add(recipient);
        RemissByRecipient.Add(recipient, remiss);
        return recipient;
    }

    /// <summary>The remiss a builder made the remissinstans for.</summary>
    public static Remiss RemissOf(Recipient recipient) =>
        RemissByRecipient.TryGetValue(recipient, out var remiss) ? remiss : throw new InvalidOperationException("Not a remissinstans made by the builders.");

    /// <summary>
    /// Changes the remiss of <paramref name="recipient"/>, then gives the remissinstans the remiss's new terms, as the
    /// next request would load them.
    /// </summary>
    public static void ChangeRemissOf(Recipient recipient, Action<Remiss> change)
    {
        var remiss = RemissOf(recipient);
        change(remiss);
        recipient.Under(remiss.Terms);
    }

    /// <summary>
    /// The remiss's remissinstanser in the order they were added, under the remiss's terms as they stand now: as the
    /// reader loads them. Only those still on the remiss's list.
    /// </summary>
    public static IReadOnlyList<Recipient> RecipientsOf(Remiss remiss) =>
        [.. Remissinstanser.GetOrCreateValue(remiss)
            .Where(r => remiss.Recipients.Any(e => e.Id == r.Id))
            .Select(r => r.Under(remiss.Terms))];

    /// <summary>The remissinstans of <paramref name="organisationId"/>, as <see cref="RecipientsOf"/> gives it.</summary>
    public static Recipient RecipientFor(Remiss remiss, Guid organisationId) =>
        RecipientsOf(remiss).Single(r => r.Id == remiss.RecipientFor(organisationId).Id);

    /// <summary>
    /// Reopens as the owner's service does, in one step over both aggregates: the yttrande under the remiss's terms as
    /// they stand, then the remiss goes back from Stängd to Utskickad.
    /// </summary>
    public static void Reopen(Recipient recipient, DateTime nowUtc)
    {
        var remiss = RemissOf(recipient);
        recipient.Under(remiss.Terms).Reopen(nowUtc);
        remiss.ReopenForRecipient();
    }

    /// <summary>How many of the remiss's remissinstanser have neither submitted nor declined: the count the services make.</summary>
    public static int NotYetAnswered(Remiss remiss) => RecipientsOf(remiss).Count(r => !r.HasAnswered);

    /// <summary>Sends as the sending service does: the remiss, then each remissinstans is invited.</summary>
    public static void Send(Remiss remiss, DateOnly today, DateTime nowUtc)
    {
        remiss.Send(today, nowUtc);
        foreach (var recipient in RecipientsOf(remiss))
        {
            recipient.MarkInvited(nowUtc);
        }
    }

    /// <summary>A remiss sent today to Tekniska nämnden, Miljönämnden and MKB, due 31 December 2026.</summary>
    public static Remiss SentRemiss()
    {
        var remiss = ReadyRemiss();
        Send(remiss, Today, Now);
        return remiss;
    }

    public static Remiss SentRemiss(Organisation owner, IEnumerable<Organisation> recipients, DateOnly? deadline = null)
    {
        var remiss = ReadyRemiss(owner, recipients, deadline);
        Send(remiss, Today, Now);
        return remiss;
    }

    /// <summary>The first recipient (Tekniska nämnden) of a freshly sent remiss.</summary>
    public static Recipient RecipientOfSentRemiss() => RecipientsOf(SentRemiss())[0];

    /// <summary>Answers to questions 1–5 of <see cref="QuestionsOfEveryType"/> that make a complete yttrande.</summary>
    public static IReadOnlyList<AnswerContent> CompleteAnswers() =>
    [
        new(1, "<p>Segregationen och bristen på arbete.</p>"),
        new(2, "<p>Vi ser ett stort behov.</p>", new PositionAnswer(Position.PartlySupports)),
        new(3, Value: new ChoiceAnswer(["Ja"])),
        new(4, Value: new ChoiceAnswer(["Tekniska nämnden", "MKB"])),
        new(5, Value: new TrafficLightAnswer([.. TrafficLightItems.Select(i => new TrafficLightRating(i, TrafficLightColour.Yellow, null))])),
    ];

    /// <summary>A complete yttrande with every part filled in, signed, as the förvaltning's preliminary answer.</summary>
    public static ResponseContent CompleteResponse(DecisionKind decisionKind = DecisionKind.PreliminaryAnswer) => new(
        "<p>Förvaltningen ställer sig positiv.</p>",
        "<p>Förvaltningens överväganden.</p>",
        CompleteAnswers(),
        [new SectionContent("Barnperspektiv", "<p>Barn påverkas positivt.</p>")],
        new DecisionContent(decisionKind, "Tekniska nämnden", null, null),
        [new SignatoryContent("Eva Svensson", "Förvaltningschef")]);

    /// <summary>An yttrande holding only these answers.</summary>
    public static ResponseContent ResponseWith(params AnswerContent[] answers) => ResponseContent.Empty with { Answers = answers };

    /// <summary>Starts drafting and saves <paramref name="content"/> (a complete yttrande unless told) as the first save.</summary>
    public static Recipient Drafted(Recipient recipient, ResponseContent? content = null)
    {
        var version = recipient.StartDrafting(Namndsekreterare, Now).Version;
        recipient.SaveDraft(content ?? CompleteResponse(), version, Context, Namndsekreterare, Now);
        return recipient;
    }

    /// <summary>Drafts a complete yttrande and submits it.</summary>
    public static Recipient Submitted(Recipient recipient, ResponseContent? content = null)
    {
        Drafted(recipient, content);
        recipient.Submit(Namndsekreterare, Now.AddHours(1));
        return recipient;
    }

    public static Recipient Declined(Recipient recipient, string? reason = "Frågan berör inte bolaget.")
    {
        recipient.Decline(reason, Namndsekreterare, Now);
        return recipient;
    }

    /// <summary>A checked protokollsutdrag in PDF.</summary>
    public static AttachmentFile File(string name = "Protokollsutdrag TN 2023-12-20 § 123.pdf", AttachmentFileType type = AttachmentFileType.Pdf, long sizeBytes = 120_000) =>
        AttachmentFile.Create(name, type, sizeBytes, $"tenant/{Guid.NewGuid():N}", new string('a', 64));
}
