namespace Remiss.Tests.Features.Documents;

using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// A sent remiss built in memory with the five questions of every type and six recipients whose names test
/// Swedish order (Zoonämnden, Åkernämnden, Ängsbolaget, Östra bolaget after Miljönämnden and MKB): two have
/// submitted (one with formatted text, one hostile), one declined, one drafted without submitting, one has
/// anstånd, one never started.
/// </summary>
internal sealed class DocumentScenario
{
    public const string Formatted = "Zoonämnden";
    public const string Hostile = "Åkernämnden";
    public const string Declining = "Miljönämnden";
    public const string Drafting = "Ängsbolaget";
    public const string Silent = "MKB";
    public const string Extended = "Östra bolaget";

    public const string HostileText =
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; { INCLUDETEXT \"c:\\\\x\" } MERGEFIELD Namn \u0001kontroll\u000Btecken\uFFFE { DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe }</p>";

    public const string FormattedText =
        "<p>Första stycket med <strong>fet</strong> och <em>kursiv</em> text och en <a href=\"https://malmo.se/omradeslyft\">länk</a>.</p>" +
        "<ul><li>Trygghet</li><li>Boende <b>först</b></li></ul><ol><li>Ett</li><li>Två</li></ol><p>Andra stycket.</p>";

    public DocumentScenario()
    {
        Tenant = A.Tenant();
        var owner = A.Owner(Tenant);
        Organisations = [owner, .. new[] { Formatted, Hostile, Declining, Drafting, Silent, Extended }.Select(n => A.Organisation(Tenant, n))];
        Remiss = A.SentRemiss(owner, Organisations.Skip(1));
        Names = Organisations.ToDictionary(o => o.Id, o => o.Name);
        var context = new ResponseContext(Tenant.DefaultStandardSections, [.. Organisations.Select(o => o.Name)]);

        Submit(Formatted, new ResponseContent(
            "<p>Zoonämnden ställer sig positiv.</p>",
            "<p>Övergripande från Zoonämnden.</p>",
            [
                new(1, FormattedText),
                new(2, "<p>Motivering från Zoonämnden.</p>", new PositionAnswer(Position.PartlySupports)),
                new(3, Value: new ChoiceAnswer(["Ja"])),
                new(4, Value: new ChoiceAnswer([Formatted, Silent])),
                new(5, Value: new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Green, "Bra"), new("Boende", TrafficLightColour.Red, null), new("Arbete", TrafficLightColour.Yellow, null)])),
            ],
            [new SectionContent("Barnperspektiv", "<p>Barnen i Zoonämnden.</p>"), new SectionContent("Ekonomiska konsekvenser", "<p>Kostar pengar.</p>")],
            new DecisionContent(DecisionKind.BoardDecision, "Zoonämnden", new DateOnly(2026, 12, 20), "§ 123"),
            [new SignatoryContent("Eva Svensson", "Förvaltningschef"), new SignatoryContent("Per Olsson", "Enhetschef")]), context);

        Submit(Hostile, new ResponseContent(
            HostileText,
            null,
            [
                new(1, HostileText),
                new(2, null, new PositionAnswer(Position.Opposes)),
                new(3, Value: new ChoiceAnswer(["Nej"])),
                new(5, Value: new TrafficLightAnswer([new("Trygghet", TrafficLightColour.Red, "{ INCLUDETEXT \"c:\\x\" }"), new("Boende", TrafficLightColour.Red, null), new("Arbete", TrafficLightColour.Green, null)])),
            ],
            [],
            new DecisionContent(DecisionKind.PreliminaryAnswer, null, null, null),
            []), context);

        RecipientNamed(Declining).Decline("Frågan berör inte nämnden.", A.Namndsekreterare, A.Now);
        A.Drafted(RecipientNamed(Drafting), A.CompleteResponse());
        var extended = RecipientNamed(Extended);
        var extension = extended.RequestExtension(new DateOnly(2027, 1, 31), "Nämnden sammanträder i januari.", A.Namndsekreterare, A.Now, A.Today);
        extended.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today);
    }

    public Tenant Tenant { get; }

    public IReadOnlyList<Organisation> Organisations { get; }

    public Remiss Remiss { get; }

    public IReadOnlyDictionary<Guid, string> Names { get; }

    /// <summary>The recipients in Swedish order.</summary>
    public static IReadOnlyList<string> RecipientsInSwedishOrder => [Declining, Silent, Formatted, Hostile, Drafting, Extended];

    public Recipient RecipientNamed(string name) => A.RecipientsOf(Remiss).Single(r => Names[r.OrganisationId] == name);

    /// <summary>Every remissinstans, whole, as the sammanställning gets them.</summary>
    public IReadOnlyList<Recipient> Recipients => A.RecipientsOf(Remiss);

    private void Submit(string name, ResponseContent content, ResponseContext context)
    {
        var recipient = RecipientNamed(name);
        recipient.SaveDraft(content, recipient.StartDrafting(A.Namndsekreterare, A.Now).Version, context, A.Namndsekreterare, A.Now);
        recipient.Submit(A.Namndsekreterare, A.Now.AddHours(1));
    }
}
