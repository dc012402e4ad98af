namespace Remiss.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Documents;

/// <summary>
/// <c>dotnet run -c Release --project Remiss.Benchmarks -- summary</c>: builds, in memory and without a
/// database, a remiss with 300 recipients that each answered 20 questions with about 1,500 characters of
/// formatted text, then times the sammanställning against the same text written with a bare
/// <see cref="OpenXmlWriter"/> into an unformatted .docx, and prints both times, their ratio and the peak memory.
/// </summary>
public static partial class SummaryBenchmark
{
    public const int Recipients = 300;
    public const int Questions = 20;
    public const int AnswerLength = 1_500;

    private static readonly string[] Words =
    [
        "förvaltningen", "nämnden", "områdeslyft", "trygghet", "boende", "arbete", "skolan", "föreningslivet", "samverkan",
        "långsiktigt", "strategiskt", "Rosengård", "Holma", "Kroksbäck", "Lindängen", "Seved", "barn", "unga", "äldre",
        "ekonomiska", "konsekvenser", "jämställdhet", "stadsdelen", "insatser", "uppföljning", "resurser", "medborgare",
        "och", "att", "som", "för", "med", "är", "inte", "det", "på", "av", "till", "en", "ett", "de", "vi", "ser", "behov",
    ];

    private static readonly string[] Options = ["Ja", "Nej", "Delvis"];
    private static readonly string[] Items = ["Trygghet", "Boende", "Arbete"];

    /// <summary>Measured runs after the first: the JIT has then compiled the hot paths fully, as in a server that has run a while.</summary>
    public const int WarmRuns = 3;

    public static Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (remiss, recipients, context) = Generate(Recipients, Questions);
        var characters = recipients.Sum(r => r.Response!.Answers.Sum(a => a.Text?.Length ?? 0));

        var cold = Measure(remiss, recipients, context);
        var warm = new List<(TimeSpan Summary, long SummaryBytes, TimeSpan Baseline, long BaselineBytes)>();
        for (var run = 0; run < WarmRuns; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            warm.Add(Measure(remiss, recipients, context));
        }

        var summary = warm.Min(r => r.Summary);
        var baseline = warm.Min(r => r.Baseline);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var ratio = summary / baseline;

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Sammanställning of {Recipients} recipients × {Questions} questions, {characters / 1_000_000.0:0.0} million characters of answers (HTML), best of {WarmRuns} runs after a first one"));
        output.WriteLine(string.Create(c, $"  summary (formatted, streamed body):        {summary.TotalSeconds:0.000} s  {cold.SummaryBytes / 1_048_576.0:0.0} MB  (first run {cold.Summary.TotalSeconds:0.000} s)"));
        output.WriteLine(string.Create(c, $"  baseline (bare OpenXmlWriter, same text):  {baseline.TotalSeconds:0.000} s  {cold.BaselineBytes / 1_048_576.0:0.0} MB  (first run {cold.Baseline.TotalSeconds:0.000} s)"));
        output.WriteLine(string.Create(c, $"  ratio summary/baseline: {ratio:0.00}"));
        output.WriteLine(string.Create(c, $"  peak memory (working set of the process): {peak / 1_048_576.0:0} MB"));
        output.WriteLine(string.Create(c, $"  targets (summary < 2 s, ratio <= 3, peak < 400 MB): {(summary.TotalSeconds < 2 && ratio <= 3 && peak < 400L * 1_048_576 ? "met" : "NOT met")}"));
        return Task.CompletedTask;
    }

    private static (TimeSpan Summary, long SummaryBytes, TimeSpan Baseline, long BaselineBytes) Measure(Domain.Remisser.Remiss remiss, IReadOnlyList<Recipient> recipients, DocumentContext context)
    {
        // The baseline gets its text ready-made, as plain strings: it measures only writing them.
        var texts = PlainTexts(remiss, recipients, context);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var clock = Stopwatch.StartNew();
        long summaryBytes;
        using (var output = new MemoryStream())
        {
            SummaryDocument.Write(output, remiss, recipients, context, withResponses: false);
            summaryBytes = output.Length;
        }

        var summary = clock.Elapsed;
        GC.Collect();
        GC.WaitForPendingFinalizers();

        clock.Restart();
        long baselineBytes;
        using (var output = new MemoryStream())
        {
            WriteBare(output, texts);
            baselineBytes = output.Length;
        }

        return (summary, summaryBytes, clock.Elapsed, baselineBytes);
    }

    /// <summary>One unformatted paragraph per text: no styles, tables, lists, numbering or links.</summary>
    private static void WriteBare(Stream output, List<string> texts)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Document());
        writer.WriteStartElement(new Body());
        foreach (var text in texts)
        {
            writer.WriteStartElement(new Paragraph());
            writer.WriteStartElement(new Run());
            writer.WriteStartElement(new Text());
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static List<string> PlainTexts(Domain.Remisser.Remiss remiss, IReadOnlyList<Recipient> recipients, DocumentContext context)
    {
        var texts = new List<string> { remiss.Title };
        foreach (var question in remiss.Questions)
        {
            texts.Add(question.Text);
            foreach (var recipient in recipients)
            {
                texts.Add(context.NameOf(recipient.OrganisationId));
                var text = recipient.Response!.AnswerTo(question)?.Text ?? string.Empty;
                texts.Add(System.Net.WebUtility.HtmlDecode(Tags().Replace(text, " ")));
            }
        }

        return texts;
    }

    /// <summary>A sent remiss where every recipient submitted an answer of about <see cref="AnswerLength"/> characters to every question.</summary>
    public static (Domain.Remisser.Remiss Remiss, IReadOnlyList<Recipient> Recipients, DocumentContext Context) Generate(int recipients, int questions)
    {
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var today = new DateOnly(2026, 11, 23);
        var user = Guid.CreateVersion7();
        var tenant = Tenant.Create("malmo", "Malmö stad", now);
        var owner = Organisation.Create(tenant.Id, "Stadskontoret", OrganisationKind.Forvaltning);
        string[] prefixes = ["Östra", "Västra", "Ängby", "Ålunda", "Tekniska", "Kultur", "Miljö", "Fritids", "Service", "Bygg"];
        var organisations = Enumerable.Range(1, recipients)
            .Select(i => Organisation.Create(tenant.Id, string.Create(CultureInfo.InvariantCulture, $"{prefixes[i % prefixes.Length]}nämnden {i:000}"), OrganisationKind.Namnd))
            .ToList();
        var remiss = Domain.Remisser.Remiss.CreateDraft(owner, "Definiera och starta ett långsiktigt och strategiskt områdeslyft", user, now);
        remiss.UpdateDetails(remiss.Title, "STK-2023-137", "<p>Förslaget.</p>", new DateOnly(2027, 11, 30), today);
        AddQuestions(remiss, questions);

        var added = organisations.Select(o => remiss.AddRecipient(o)).ToList();
        remiss.Send(today, now);
        var random = new Random(1337);
        var context = new ResponseContext(Tenant.DefaultStandardSections, [.. organisations.Select(o => o.Name)]);
        foreach (var recipient in added)
        {
            recipient.MarkInvited(now);
            recipient.Under(remiss.Terms);
            var answers = Answers(remiss, random);
            var content = new ResponseContent(
                Answer(random, 300),
                Answer(random, 600),
                answers,
                [new SectionContent("Barnperspektiv", Answer(random, 300))],
                new DecisionContent(DecisionKind.BoardDecision, null, today, "§ 12"),
                [new SignatoryContent("Eva Svensson", "Förvaltningschef")]);
            recipient.SaveDraft(content, recipient.StartDrafting(user, now).Version, context, user, now);
            recipient.Submit(user, now);
        }

        var names = organisations.Append(owner).ToDictionary(o => o.Id, o => o.Name);
        return (remiss, added, new DocumentContext(tenant.Name, names, Domain.Common.TenantCalendar.Stockholm(), now));
    }

    /// <summary>Questions 1 to <paramref name="questions"/>, one of each type in turn: Ställningstagande, Val, Trafikljus, Fritext.</summary>
    internal static void AddQuestions(Domain.Remisser.Remiss remiss, int questions)
    {
        for (var q = 1; q <= questions; q++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"Fråga om områdeslyftets del {q}: hur ser er verksamhet på den?");
            remiss.AddQuestion((q % 4) switch
            {
                1 => QuestionDefinition.PositionOn(text),
                2 => QuestionDefinition.ChoiceOf(text, Options),
                3 => QuestionDefinition.TrafficLightOf(text, Items),
                _ => QuestionDefinition.FreeText(text),
            });
        }
    }

    /// <summary>An answer of about <see cref="AnswerLength"/> characters to every question, with the value its type asks for.</summary>
    internal static List<AnswerContent> Answers(Domain.Remisser.Remiss remiss, Random random) =>
    [
        .. remiss.Questions.Select(question => new AnswerContent(
            question.Number,
            Answer(random),
            question.Type == QuestionType.Position ? new PositionAnswer((Domain.Remisser.Position)random.Next(1, 5))
            : question.Type == QuestionType.Choice ? new ChoiceAnswer([Options[random.Next(Options.Length)]])
            : question.Type == QuestionType.TrafficLight ? new TrafficLightAnswer([.. Items.Select(i => new TrafficLightRating(i, (TrafficLightColour)random.Next(1, 4), null))])
            : null)),
    ];

    /// <summary>About <paramref name="length"/> characters of formatted text: paragraphs, a bullet list, bold, italic and a link.</summary>
    internal static string Answer(Random random, int length = AnswerLength)
    {
        var html = new StringBuilder(length + 200);
        var paragraph = 0;
        while (html.Length < length)
        {
            paragraph++;
            if (paragraph == 2)
            {
                html.Append("<ul><li>").Append(Sentence(random, 6)).Append("</li><li>").Append(Sentence(random, 8)).Append("</li></ul>");
                continue;
            }

            html.Append("<p>").Append(Sentence(random, 20)).Append(" <strong>").Append(Sentence(random, 3)).Append("</strong> ")
                .Append(Sentence(random, 15)).Append(" <em>").Append(Sentence(random, 2)).Append("</em>");
            if (paragraph == 3)
            {
                html.Append(" <a href=\"https://malmo.se/omradeslyft\" rel=\"noopener noreferrer nofollow\">malmo.se</a>");
            }

            html.Append(".</p>");
        }

        return html.ToString();
    }

    internal static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
