namespace Remiss.Tests.Features.Remisser;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>A file chosen in a form's file input.</summary>
internal sealed record ChosenFile(string Field, string FileName, byte[] Content, string ContentType = "application/pdf");

/// <summary>
/// A form as a browser submits it: every named control with its current value (checked boxes only, the selected
/// option, textareas with CRLF line breaks), sent to the pressed button's formaction, resolved against the page's
/// address, in the form's enctype. Tests change values the way a person would before pressing a button.
/// </summary>
internal sealed class BrowserForm
{
    private readonly IHtmlFormElement _form;
    private readonly Uri _documentUrl;
    private readonly List<KeyValuePair<string, string>> _fields;

    private BrowserForm(IHtmlFormElement form, Uri documentUrl, List<KeyValuePair<string, string>> fields)
    {
        _form = form;
        _documentUrl = documentUrl;
        _fields = fields;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public static BrowserForm Of(IHtmlDocument page, string selector = "main form[method=post]")
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches {selector}.");
        var fields = FormDataSet.Of(form).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        return new BrowserForm(form, new Uri(page.Url), fields);
    }

    public string? Value(string name) => _fields.FirstOrDefault(f => f.Key == name).Value;

    public IReadOnlyList<string> Values(string name) => [.. _fields.Where(f => f.Key == name).Select(f => f.Value)];

    /// <summary>Types <paramref name="value"/> into the field (or adds it, as a forged post would).</summary>
    public BrowserForm Set(string name, string value)
    {
        var index = _fields.FindIndex(f => f.Key == name);
        if (index < 0)
        {
            _fields.Add(new(name, value));
            return this;
        }

        _fields[index] = new(name, value);
        for (var i = _fields.Count - 1; i > index; i--)
        {
            if (_fields[i].Key == name)
            {
                _fields.RemoveAt(i);
            }
        }

        return this;
    }

    public BrowserForm Add(string name, string value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    public BrowserForm Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public BrowserForm Remove(string name, string value)
    {
        _fields.RemoveAll(f => f.Key == name && f.Value == value);
        return this;
    }

    /// <summary>Ticks a checkbox (once).</summary>
    public BrowserForm Check(string name, string value = "true")
    {
        if (!_fields.Any(f => f.Key == name && f.Value == value))
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>The address the button named <paramref name="buttonText"/> (or the form itself) posts to.</summary>
    public string ActionOf(string? buttonText)
    {
        var button = buttonText is null ? null : ButtonNamed(buttonText);
        var action = button?.GetAttribute("formaction") ?? _form.GetAttribute("action") ?? string.Empty;
        return new Uri(_documentUrl, action).PathAndQuery;
    }

    /// <summary>Presses the button whose text is <paramref name="buttonText"/> (null: submits the form as Enter would).</summary>
    public Task<HttpResponseMessage> SubmitAsync(WebSession session, string? buttonText = null, ChosenFile? file = null)
    {
        var path = ActionOf(buttonText);
        var multipart = string.Equals(_form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase) || file is not null;
        return session.PostContentAsync(path, multipart ? Multipart(_fields, file) : new FormUrlEncodedContent(_fields));
    }

    public static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, ChosenFile? file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return content;
    }

    private IElement ButtonNamed(string text) =>
        _form.QuerySelectorAll("button").FirstOrDefault(b => Html.Text(b) == text)
        ?? throw new InvalidOperationException($"The form has no button \"{text}\". Buttons: {string.Join(" | ", _form.QuerySelectorAll("button").Select(Html.Text))}");
}

internal static class Html
{
    /// <summary>The element's text with runs of white space made one space.</summary>
    public static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The error shown next to the field with id <paramref name="fieldId"/>, or "" when there is none.</summary>
    public static string FieldError(IHtmlDocument page, string fieldId) => Text(page.GetElementById($"{fieldId}-error"));

    /// <summary>The messages of the error summary at the top of the page.</summary>
    public static IReadOnlyList<string> Summary(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main .error-summary li").Select(Text)];

    /// <summary>The page's status message (TempData), shown after a redirect.</summary>
    public static string Status(IHtmlDocument page) => Text(page.QuerySelector(".status-message"));

    /// <summary>The label text of the control with <paramref name="id"/>.</summary>
    public static string LabelOf(IHtmlDocument page, string id) => Text(page.QuerySelector($"label[for='{id}']"));

    /// <summary>Id of the control whose label reads exactly <paramref name="label"/>.</summary>
    public static string ControlIdLabelled(IHtmlDocument page, string label) =>
        page.QuerySelectorAll("label").FirstOrDefault(l => Text(l) == label)?.GetAttribute("for")
        ?? throw new InvalidOperationException($"No label \"{label}\".");

    public static IReadOnlyList<string> ButtonTexts(IParentNode node) => [.. node.QuerySelectorAll("button").Select(Text)];

    /// <summary>Markup a browser would run: inline scripts, event-handler attributes, javascript: links and sources.</summary>
    public static IReadOnlyList<string> ActiveContent(IHtmlDocument page)
    {
        var found = new List<string>();
        found.AddRange(page.QuerySelectorAll("script").Where(s => !s.HasAttribute("src") || s.TextContent.Contains("alert", StringComparison.Ordinal)).Select(s => s.OuterHtml));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (attribute.Name is "href" or "src" or "action" or "formaction"
                        && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }

        found.AddRange(page.QuerySelectorAll("img[src='x'], iframe").Select(e => e.OuterHtml));
        return found;
    }
}

internal static class WebSessionPosting
{
    /// <summary>Posts any content (multipart too) with the session's cookies, as the session's browser would.</summary>
    public static async Task<HttpResponseMessage> PostContentAsync(this WebSession session, string path, HttpContent content)
    {
        using var handler = new HttpClientHandler
        {
            CookieContainer = session.Cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = session.BaseAddress };
        using (content)
        {
            var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    /// <summary>The antiforgery token of the sign-out form in the header of <paramref name="path"/>: valid for any post of this user.</summary>
    public static async Task<string> TokenAsync(this WebSession session, string path)
    {
        var (_, page) = await session.GetPageAsync(path);
        return (page.QuerySelector("header form input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>Where a redirect goes, as a path with its query.</summary>
    public static string Target(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.OriginalString;
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SignedInAsync(this RemissAppFactory factory, string email, string path)
    {
        var session = factory.NewSession();
        await session.SignInAsync(email);
        return await session.GetPageAsync(path);
    }
}

/// <summary>What a test's own remiss looks like; every default is valid and can be sent.</summary>
internal sealed record RemissSpec
{
    public string Title { get; init; } = $"Testremiss {Arrange.Unique()}";

    public string? Diarienummer { get; init; } = $"TEST-{Arrange.Unique()}";

    public string? Description { get; init; } = "<p>Stadskontoret remitterar förslaget.</p>";

    public DateOnly? Deadline { get; init; } = new(2027, 3, 31);

    /// <summary>The day the remiss is written and sent: earlier than the clock's today for a remiss that is now late.</summary>
    public DateOnly Today { get; init; } = Arrange.Today;

    public string Owner { get; init; } = Arrange.Stadskontoret;

    public string? ContactName { get; init; } = "Anna Andersson";

    public string? ContactEmail { get; init; } = "anna.andersson@malmo.example";

    public IReadOnlyList<string> Recipients { get; init; } = [Arrange.Asn, Arrange.Grundskola, Arrange.Tekniska, Arrange.Mkb];

    public IReadOnlyList<QuestionDefinition> Questions { get; init; } =
    [
        QuestionDefinition.FreeText("Vilka utmaningar ser ni?", required: true),
        QuestionDefinition.PositionOn("Tillstyrker ni förslaget?", required: true),
    ];

    public bool Sent { get; init; }

    /// <summary>A bilaga (a real PDF) added while it is a draft.</summary>
    public bool WithAttachment { get; init; }
}

internal sealed record ArrangedRemiss(Guid Id, string Title, string? Diarienummer, IReadOnlyDictionary<string, Guid> Recipients, Guid? AttachmentId)
{
    public string Url => $"/malmo/remisser/{Id}";
}

/// <summary>Arranges data directly in the database through the domain's own methods, as another user's actions would leave it.</summary>
internal static class Arrange
{
    public const string Stadskontoret = "Stadskontoret";
    public const string Asn = "Arbetsmarknads- och socialnämnden";
    public const string Grundskola = "Grundskolenämnden";
    public const string Tekniska = "Tekniska nämnden";
    public const string Mkb = "MKB";
    public const string Owner = "handlaggare@malmo.example";
    public const string AsnUser = "asn@malmo.example";
    public const string Admin = "admin@malmo.example";
    public const string LundUser = "handlaggare@lund.example";

    /// <summary>The fake clock's today in Stockholm.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>The fifteen recipients of the demo remiss.</summary>
    public static readonly IReadOnlyList<string> DemoRecipients =
    [
        "Tekniska nämnden", "Miljönämnden", "Funktionsstödsnämnden", "Förskolenämnden", "Grundskolenämnden",
        "Gymnasie- och vuxenutbildningsnämnden", "Hälsa-, vård- och omsorgsnämnden", "Arbetsmarknads- och socialnämnden",
        "Fritidsnämnden", "Kulturnämnden", "Servicenämnden", "Stadsbyggnadsnämnden", "MKB", "Parkering Malmö",
        "Parkeringsövervakning i Malmö AB",
    ];

    public static string Unique() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<ArrangedRemiss> RemissAsync(RemissAppFactory factory, RemissSpec? spec = null)
    {
        spec ??= new RemissSpec();
        return factory.InTenantAsync("malmo", async (db, services) =>
        {
            var organisations = await db.Organisations.ToListAsync();
            var userId = await UserIdAsync(db, Owner);
            var now = factory.Clock.UtcNow;
            var remiss = Remiss.CreateDraft(organisations.Single(o => o.Name == spec.Owner), spec.Title, userId, now);
            remiss.UpdateDetails(spec.Title, spec.Diarienummer, spec.Description, spec.Deadline, spec.Today, spec.ContactName, spec.ContactEmail);
            foreach (var question in spec.Questions)
            {
                remiss.AddQuestion(question);
            }

            foreach (var name in spec.Recipients)
            {
                A.AddRecipient(remiss, organisations.Single(o => o.Name == name));
            }

            Guid? attachmentId = null;
            if (spec.WithAttachment)
            {
                var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
                using var pdf = new MemoryStream(SampleFiles.Pdf());
                var file = await services.GetRequiredService<AttachmentIntake>().AcceptAsync(tenant.Id, pdf, "Remisshandling.pdf", CancellationToken.None);
                attachmentId = remiss.AddAttachment(file, userId, now).Id;
            }

            if (spec.Sent)
            {
                A.Send(remiss, spec.Today, now);
            }

            db.AddRemiss(remiss);
            await db.SaveChangesAsync();
            var names = organisations.ToDictionary(o => o.Id, o => o.Name);
            return new ArrangedRemiss(
                remiss.Id,
                remiss.Title,
                remiss.Diarienummer,
                remiss.Recipients.ToDictionary(r => names[r.OrganisationId], r => r.Id),
                attachmentId);
        });
    }

    /// <summary>
    /// Loads the remiss and every one of its remissinstanser whole (in the context), lets <paramref name="change"/> act
    /// on them, and saves both in one SaveChanges.
    /// </summary>
    public static Task<T> ChangeAsync<T>(RemissAppFactory factory, Guid remissId, Func<Remiss, ArrangeContext, T> change) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var reader = services.GetRequiredService<RemissReader>();
            var remiss = (await reader.FindAsync(remissId, CancellationToken.None))!;
            var recipients = await reader.RecipientsOfAsync(remissId, CancellationToken.None);
            var names = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name);
            var context = new ArrangeContext(db, factory.Clock.UtcNow, names, await UserIdAsync(db, AsnUser), remiss, recipients);
            var result = change(remiss, context);
            await db.SaveChangesAsync();
            return result;
        });

    public static Task ChangeAsync(RemissAppFactory factory, Guid remissId, Action<Remiss, ArrangeContext> change) =>
        ChangeAsync(factory, remissId, (remiss, context) =>
        {
            change(remiss, context);
            return 0;
        });

    /// <summary>The recipient drafts and submits a complete yttrande to the default questions (FreeText 1, Position 2).</summary>
    public static void Submit(Remiss remiss, Guid recipientId, ArrangeContext context, string answer = "<p>Vi ser stora behov i Rosengård.</p>")
    {
        var recipient = context.Recipient(recipientId);
        var version = recipient.StartDrafting(context.UserId, context.Now).Version;
        recipient.SaveDraft(
            new ResponseContent(
                "<p>Nämnden ställer sig bakom förslaget.</p>",
                null,
                [new AnswerContent(1, answer), new AnswerContent(2, "<p>Ett långsiktigt arbete behövs.</p>", new PositionAnswer(Position.Supports))],
                [],
                null,
                []),
            version,
            context.ResponseContext,
            context.UserId,
            context.Now);
        recipient.Submit(context.UserId, context.Now);
    }

    public static void StartDrafting(Remiss remiss, Guid recipientId, ArrangeContext context) =>
        context.Recipient(recipientId).StartDrafting(context.UserId, context.Now);

    public static void Decline(Remiss remiss, Guid recipientId, ArrangeContext context, string reason = "Frågan berör inte bolaget.") =>
        context.Recipient(recipientId).Decline(reason, context.UserId, context.Now);

    public static Guid RequestExtension(Remiss remiss, Guid recipientId, ArrangeContext context, DateOnly until) =>
        context.Recipient(recipientId).RequestExtension(until, "Nämnden sammanträder först senare.", context.UserId, context.Now, Today).Id;

    public static async Task<Guid> UserIdAsync(AppDbContext db, string email) =>
        (await db.Users.SingleAsync(u => u.Email == email)).Id;

    public static Task<Guid> OrganisationIdAsync(RemissAppFactory factory, string name, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, async (db, _) => (await db.Organisations.SingleAsync(o => o.Name == name)).Id);

    public static Task<Dictionary<string, Guid>> OrganisationIdsAsync(RemissAppFactory factory, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, (db, _) => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id));

    /// <summary>The demo's remiss of the tenant: STK-2023-137 in malmo, KS 2026/0412 in lund.</summary>
    public static Task<Guid> DemoRemissIdAsync(RemissAppFactory factory, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, async (db, _) =>
        {
            var diarienummer = tenant == "malmo" ? "STK-2023-137" : "KS 2026/0412";
            return (await db.Remisser.SingleAsync(r => r.Diarienummer == diarienummer)).Id;
        });

    /// <summary>The remiss as stored, with its questions, recipients' organisations and attachments.</summary>
    public static Task<Remiss> StoredAsync(RemissAppFactory factory, Guid remissId, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, async (_, services) =>
            (await services.GetRequiredService<RemissReader>().FindAsync(remissId, CancellationToken.None))!);

    /// <summary>The remiss's remissinstanser as stored, each whole (anstånd, yttrande, answers, bilagor).</summary>
    public static Task<IReadOnlyList<Recipient>> StoredRecipientsAsync(RemissAppFactory factory, Guid remissId, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, async (_, services) =>
            await services.GetRequiredService<RemissReader>().RecipientsOfAsync(remissId, CancellationToken.None));

    /// <summary>One remissinstans as stored, whole.</summary>
    public static Task<Recipient> StoredRecipientAsync(RemissAppFactory factory, Guid recipientId, string tenant = "malmo") =>
        factory.InTenantAsync(tenant, async (_, services) =>
            (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!);

    /// <summary>Everything a forbidden request could change, as one string: compare before and after.</summary>
    public static Task<string> FingerprintAsync(RemissAppFactory factory, Guid remissId) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var remiss = (await services.GetRequiredService<RemissReader>().FindAsync(remissId, CancellationToken.None))!;
            var recipients = await services.GetRequiredService<RemissReader>().RecipientsOfAsync(remissId, CancellationToken.None);
            var outbox = await db.Outbox.CountAsync();
            return string.Join(
                " | ",
                remiss.Title,
                remiss.Status,
                remiss.Version.ToString(CultureInfo.InvariantCulture),
                remiss.Deadline?.ToString("O", CultureInfo.InvariantCulture),
                string.Join(", ", remiss.Questions.Select(q => $"{q.Number}:{q.Text}")),
                string.Join(", ", recipients.OrderBy(r => r.Id).Select(r => $"{r.OrganisationId}:{r.Status}:{r.ExtendedDeadline}:{string.Join("/", r.Extensions.Select(e => e.Status))}")),
                string.Join(", ", remiss.Attachments.Select(a => a.Id)),
                $"outbox {outbox}");
        });

    /// <summary>Adds an organisation to tenant malmo, as the tenant administrator would.</summary>
    public static Task<Guid> NewOrganisationAsync(RemissAppFactory factory, string name, OrganisationKind kind, string? mailbox) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
            var organisation = Organisation.Create(tenant.Id, name, kind, mailbox);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
}

/// <summary>What an arrangement needs: the context, now, organisation names and a member of a recipient acting.</summary>
internal sealed record ArrangeContext(
    AppDbContext Db, DateTime Now, IReadOnlyDictionary<Guid, string> Names, Guid UserId, Remiss Remiss, IReadOnlyList<Recipient> Recipients)
{
    public ResponseContext ResponseContext => new(Tenant.DefaultStandardSections, [.. Names.Values]);

    /// <summary>The remissinstans with <paramref name="recipientId"/>, under the remiss's terms as they stand now.</summary>
    public Recipient Recipient(Guid recipientId) => Recipients.Single(r => r.Id == recipientId).Under(Remiss.Terms);
}

/// <summary>The app with its files in a folder of its own, so a test can see what was stored and what was not.</summary>
public sealed class FilesAppFactory : RemissAppFactory
{
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "remiss-tests-files", Guid.NewGuid().ToString("N"));

    /// <summary>Stored files (temporary files of an unfinished write included).</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(FilesRoot) ? Directory.GetFiles(FilesRoot, "*", SearchOption.AllDirectories) : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Files:Root", FilesRoot);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(FilesRoot))
        {
            try
            {
                Directory.Delete(FilesRoot, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean: the folder is under temp.
            }
        }
    }
}
