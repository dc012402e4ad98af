namespace Remiss.Tests.Features.Documents;

using Remiss.Infrastructure.Documents;

/// <summary>One recipient's yttrande as a Word document, laid out like a Malmö yttrande.</summary>
public sealed class ResponseDocumentTests
{
    private readonly DocumentScenario _scenario = new();

    private WordInspection Yttrande(string recipient) =>
        WordInspection.Of(output => ResponseDocument.Write(output, _scenario.Remiss, _scenario.RecipientNamed(recipient), WordInspection.Context(_scenario.Names)));

    [Fact]
    public void The_yttrande_opens_with_tenant_organisation_date_reference_and_title_then_follows_the_yttrande_order()
    {
        using var document = Yttrande(DocumentScenario.Formatted);
        Assert.Empty(document.ValidationErrors());
        var texts = document.Paragraphs().Select(p => p.Text).ToList();
        Assert.Equal(["Malmö stad", "Zoonämnden", "Yttrande", "Datum: 23 november 2026", "Diarienummer: STK-2023-137", "Till: Stadskontoret"], texts.Take(6));
        Assert.Contains(document.Paragraphs(), p => p.Style == "Title" && p.Text == $"Yttrande över remissen {_scenario.Remiss.Title}");
        Assert.Equal(
            ["Sammanfattning", "Övergripande synpunkter", "Svar på remissfrågorna", "Barnperspektiv", "Ekonomiska konsekvenser", "Beslut", "Ansvariga"],
            document.Headings().Where(h => h.Level == 1).Select(h => h.Text));
        Assert.Equal(_scenario.Remiss.Questions.Select(q => $"Fråga {q.Number}. {q.Text}"), document.Headings().Where(h => h.Level == 2).Select(h => h.Text));
        Assert.Equal(["Typ av beslut: Nämndbeslut", "Beslutande organ: Zoonämnden", "Beslutsdatum: 20 december 2026", "Paragraf: § 123"], document.Under("Beslut", 1));
        Assert.Equal(["Eva Svensson, Förvaltningschef", "Per Olsson, Enhetschef"], document.Under("Ansvariga", 1));
        Assert.Contains("Val: Ja", document.Under(_scenario.Remiss.Questions[2] is var q3 ? $"Fråga 3. {q3.Text}" : string.Empty, 2));
        Assert.Equal("Inskickat", document.Package.PackageProperties.ContentStatus);
    }

    [Fact]
    public void A_draft_says_it_is_not_submitted_and_unanswered_questions_say_so()
    {
        using var document = Yttrande(DocumentScenario.Drafting);
        Assert.Empty(document.ValidationErrors());
        Assert.Contains(document.Paragraphs(), p => p.Text == "Utkast: yttrandet är inte inskickat.");
        Assert.Equal("Utkast", document.Package.PackageProperties.ContentStatus);
    }

    [Fact]
    public void A_hostile_yttrande_stays_inert_text()
    {
        using var document = Yttrande(DocumentScenario.Hostile);
        Assert.Empty(document.ValidationErrors());
        var xml = document.DocumentXml;
        Assert.DoesNotContain("fldSimple", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("instrText", xml, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', xml);
        Assert.Contains(document.Under("Sammanfattning", 1), t => t.Contains("MERGEFIELD Namn", StringComparison.Ordinal) && t.Contains("{ DDEAUTO", StringComparison.Ordinal));
    }
}
