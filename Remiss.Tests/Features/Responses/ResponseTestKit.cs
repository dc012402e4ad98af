namespace Remiss.Tests.Features.Responses;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.TestSupport;

/// <summary>
/// The demo app with STK-2023-137 sent on the fake clock's today (23 November 2026, sista svarsdag 30 November
/// 2027), its files in the test's own folder. Tests that change a recipient's state answer a copy of the demo
/// (same questions, same fifteen recipients) of their own, so no test sees another's yttrande.
/// </summary>
public class SentDemoAppFactory : RemissAppFactory, IAsyncLifetime
{
    public Guid DemoId { get; private set; }

    /// <summary>The demo's recipients by organisation name.</summary>
    public IReadOnlyDictionary<string, Guid> DemoRecipients { get; private set; } = new Dictionary<string, Guid>();

    public string FilesRoot => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "files");

    async Task IAsyncLifetime.InitializeAsync()
    {
        (DemoId, DemoRecipients) = await InTenantAsync("malmo", async (db, _) =>
        {
            var remiss = await db.WholeRemissAsync(r => r.Diarienummer == "STK-2023-137");
            remiss.Send(Stockholm.Today(Clock.UtcNow), Clock.UtcNow);
            foreach (var recipient in await db.Recipients.Where(r => r.RemissId == remiss.Id).ToListAsync())
            {
                recipient.MarkInvited(Clock.UtcNow);
            }

            await db.SaveChangesAsync();
            var names = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name);
            return (remiss.Id, (IReadOnlyDictionary<string, Guid>)remiss.Recipients.ToDictionary(r => names[r.OrganisationId], r => r.Id));
        });
        await InitializeMoreAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A remiss like the demo (same questions and recipients, owned by Stadskontoret), sent today.</summary>
    public Task<SentRemiss> CopyOfDemoAsync(DateOnly? deadline = null, bool sent = true) =>
        InTenantAsync("malmo", async (db, _) =>
        {
            var demo = await db.WholeRemissAsync(r => r.Id == DemoId);
            var organisations = await db.Organisations.ToListAsync();
            var owner = await Kit.UserIdAsync(db, Kit.Owner);
            var now = Clock.UtcNow;
            var today = Stockholm.Today(now);
            var diarienummer = $"STK-TEST-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
            var title = $"{demo.Title} ({diarienummer})";
            var copy = Remiss.CreateDraft(organisations.Single(o => o.Id == demo.OwnerOrganisationId), title, owner, now);
            copy.UpdateDetails(title, diarienummer, demo.Description, deadline ?? demo.Deadline, today, demo.ContactName, demo.ContactEmail);
            foreach (var q in demo.Questions)
            {
                copy.AddQuestion(new QuestionDefinition(q.Text, q.Type, q.IsRequired, q.Options, q.OptionsAreOrganisations, q.AllowsSeveralChoices, q.Items));
            }

            foreach (var recipient in demo.Recipients)
            {
                A.AddRecipient(copy, organisations.Single(o => o.Id == recipient.OrganisationId));
            }

            if (sent)
            {
                A.Send(copy, today, now);
            }

            db.AddRemiss(copy);
            await db.SaveChangesAsync();
            var names = organisations.ToDictionary(o => o.Id, o => o.Name);
            return new SentRemiss(copy.Id, title, copy.Recipients.ToDictionary(r => names[r.OrganisationId], r => r.Id));
        });

    protected static TenantCalendar Stockholm => TenantCalendar.Stockholm();

    protected virtual Task InitializeMoreAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Files:Root", FilesRoot);
    }
}

/// <summary>A sent remiss of a test: its id, title and recipients by organisation name.</summary>
public sealed record SentRemiss(Guid Id, string Title, IReadOnlyDictionary<string, Guid> Recipients)
{
    public string Url => $"/malmo/remisser/{Id}";

    public Guid Asn => Recipients[Kit.AsnName];

    public Guid Grundskola => Recipients[Kit.GrundskolaName];

    public string Yttrande => $"{Url}/yttrande";

    /// <summary>The owner's page of asn's yttrande.</summary>
    public string AsnForOwner => $"{Url}/yttranden/{Asn}";
}

/// <summary>A file chosen in a form's file input.</summary>
internal sealed record UploadFile(string Field, string FileName, byte[] Content, string ContentType = "application/pdf");

/// <summary>
/// A form as a browser submits it: every named control with its value (checked boxes and radios only, the
/// selected option, textareas with CRLF), posted in the form's enctype to the pressed button's formaction.
/// </summary>
internal sealed class PageForm
{
    private readonly IHtmlFormElement _form;
    private readonly Uri _documentUrl;
    private readonly List<KeyValuePair<string, string>> _fields;

    private PageForm(IHtmlFormElement form, Uri documentUrl)
    {
        _form = form;
        _documentUrl = documentUrl;
        _fields = [.. FormDataSet.Of(form).Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The yttrande form of the Write page.</summary>
    public static PageForm Yttrande(IHtmlDocument page) => Of(page, "main form[data-response-form]");

    public static PageForm Of(IHtmlDocument page, string selector = "main form[method=post]") =>
        new(page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches {selector} on {page.Url}:\n{Kit.Text(page.QuerySelector("main"))}"), new Uri(page.Url));

    public string? Value(string name) => _fields.FirstOrDefault(f => f.Key == name).Value;

    public IReadOnlyList<string> Values(string name) => [.. _fields.Where(f => f.Key == name).Select(f => f.Value)];

    /// <summary>Types into a field (replacing what it held), or adds it.</summary>
    public PageForm Set(string name, string value)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Sets several fields at once.</summary>
    public PageForm Set(IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            Set(name, value);
        }

        return this;
    }

    public PageForm Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    /// <summary>The address the button named <paramref name="buttonText"/> (or the form itself) posts to.</summary>
    public string ActionOf(string? buttonText)
    {
        var button = buttonText is null
            ? null
            : _form.QuerySelectorAll("button").FirstOrDefault(b => Kit.Text(b) == buttonText)
                ?? throw new InvalidOperationException($"No button \"{buttonText}\". Buttons: {string.Join(" | ", _form.QuerySelectorAll("button").Select(Kit.Text))}");
        var action = button?.GetAttribute("formaction") ?? _form.GetAttribute("action") ?? string.Empty;
        return new Uri(_documentUrl, action).PathAndQuery;
    }

    /// <summary>Presses the button named <paramref name="buttonText"/> (null: Enter in the form).</summary>
    public Task<HttpResponseMessage> SubmitAsync(WebSession session, string? buttonText = null, UploadFile? file = null) =>
        PostToAsync(session, ActionOf(buttonText), file);

    /// <summary>Posts the form's fields to <paramref name="path"/>, as a script (autosave) or a forged post would.</summary>
    public Task<HttpResponseMessage> PostToAsync(WebSession session, string path, UploadFile? file = null)
    {
        var multipart = file is not null || string.Equals(_form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        return session.PostContentAsync(path, multipart ? Multipart(_fields, file) : new FormUrlEncodedContent(_fields));
    }

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, UploadFile? file)
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
}

/// <summary>Users, sessions, reading pages and the database for the yttrande tests.</summary>
internal static class Kit
{
    public const string Owner = "handlaggare@malmo.example";
    public const string AsnUser = "asn@malmo.example";
    public const string GrundskolaUser = "grundskola@malmo.example";
    public const string LundUser = "handlaggare@lund.example";
    public const string AsnName = "Arbetsmarknads- och socialnämnden";
    public const string GrundskolaName = "Grundskolenämnden";
    public const string AsnDisplayName = "Amir Sekreterare";

    /// <summary>The demo's sista svarsdag.</summary>
    public static readonly DateOnly DemoDeadline = new(2027, 11, 30);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The element's text with runs of white space made one space.</summary>
    public static string Text(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string MainText(IHtmlDocument page) => Text(page.QuerySelector("main"));

    /// <summary>The page's status message after a redirect (TempData).</summary>
    public static string Status(IHtmlDocument page) => Text(page.QuerySelector("main > .status-message"));

    public static IReadOnlyList<string> Errors(IHtmlDocument page) => [.. page.QuerySelectorAll("main .error-summary li").Select(Text)];

    /// <summary>The control a &lt;label&gt; with exactly this text points to.</summary>
    public static IElement Labelled(IParentNode page, string label)
    {
        var labels = page.QuerySelectorAll("label").Where(l => Text(l) == label).ToList();
        Assert.True(labels.Count == 1, $"Expected one label \"{label}\", found {labels.Count}.");
        var id = labels[0].GetAttribute("for");
        Assert.False(string.IsNullOrEmpty(id), $"The label \"{label}\" names no control.");
        return page.QuerySelectorAll($"#{id}").SingleOrDefault()
            ?? throw new InvalidOperationException($"The label \"{label}\" points to #{id}, which is not on the page.");
    }

    /// <summary>The fieldset whose legend reads exactly <paramref name="legend"/>.</summary>
    public static IElement Fieldset(IParentNode page, string legend) =>
        page.QuerySelectorAll("fieldset").SingleOrDefault(f => Text(f.QuerySelector("legend")) == legend)
        ?? throw new InvalidOperationException($"No fieldset \"{legend}\".");

    public static IReadOnlyList<string> ButtonTexts(IParentNode node) => [.. node.QuerySelectorAll("button").Select(Text)];

    /// <summary>Markup a browser would run: inline scripts, on* attributes, javascript: addresses, frames, objects.</summary>
    public static IReadOnlyList<string> ActiveContent(IHtmlDocument page)
    {
        var found = new List<string>();
        found.AddRange(page.QuerySelectorAll("script").Where(s => !s.HasAttribute("src") || s.TextContent.Length > 0).Select(s => s.OuterHtml));
        found.AddRange(page.QuerySelectorAll("iframe, object, embed, frame, svg, math").Select(e => e.OuterHtml));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href"
                        && attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }

        return found;
    }

    public static async Task<WebSession> SignedInAsync(this RemissAppFactory factory, string email)
    {
        var session = factory.NewSession();
        var (response, page) = await session.SignInAsync(email);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} could not sign in: {(int)response.StatusCode} {MainText(page)}");
        return session;
    }

    /// <summary>Posts any content (multipart too) with the session's cookies, as its browser would.</summary>
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

    /// <summary>The antiforgery token of the sign-out form in the page header: valid for any post of this user.</summary>
    public static async Task<string> TokenAsync(this WebSession session, string path = "/malmo")
    {
        var (_, page) = await session.GetPageAsync(path);
        return (page.QuerySelector("header form input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>An address as its path and its query's parameters in order of name, so "?a=1&amp;b=2" equals "?b=2&amp;a=1".</summary>
    public static string Address(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        return parts.Length == 1 ? parts[0] : $"{parts[0]}?{string.Join("&", parts[1].Split('&').Order(StringComparer.Ordinal))}";
    }

    /// <summary>Where a redirect goes, as a path with its query.</summary>
    public static string Target(this HttpResponseMessage response)
    {
        Assert.True(
            response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Asserts a redirect to <paramref name="path"/> and follows it.</summary>
    public static async Task<IHtmlDocument> RedirectedToAsync(this WebSession session, HttpResponseMessage response, string path)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await WebSession.ParseAsync(response);
            Assert.Fail($"Expected a redirect to {path}, got {(int)response.StatusCode}: {string.Join(" / ", Errors(page))} {MainText(page)[..Math.Min(600, MainText(page).Length)]}");
        }

        Assert.Equal(path, response.Target());
        var (followed, target) = await session.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        return target;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<Guid> UserIdAsync(AppDbContext db, string email) =>
        (await db.Users.SingleAsync(u => u.Email == email)).Id;

    /// <summary>The remissinstans as stored now, whole: its yttrande, answers, attachments and extensions, under its remiss's terms.</summary>
    public static Task<Recipient> StoredAsync(RemissAppFactory factory, Guid remissId, Guid recipientId) =>
        factory.InTenantAsync("malmo", async (_, services) =>
        {
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!;
            Assert.Equal(remissId, recipient.RemissId);
            return recipient;
        });

    /// <summary>Everything a refused request could have changed for this recipient, as one string.</summary>
    public static async Task<string> FingerprintAsync(RemissAppFactory factory, Guid remissId, Guid recipientId)
    {
        var recipient = await StoredAsync(factory, remissId, recipientId);
        var response = recipient.Response;
        var outbox = await factory.InTenantAsync("malmo", (db, _) => db.Outbox.CountAsync());
        return string.Join(
            " | ",
            recipient.Status,
            recipient.SubmittedAt?.ToString("O", CultureInfo.InvariantCulture),
            recipient.DeclineReason,
            recipient.ExtendedDeadline?.ToString("O", CultureInfo.InvariantCulture),
            string.Join("/", recipient.Extensions.Select(e => $"{e.RequestedDeadline:O}:{e.Status}")),
            response?.Version.ToString(CultureInfo.InvariantCulture),
            response?.Summary,
            response?.Decision?.ToString(),
            string.Join("/", response?.Answers.Select(a => $"{a.Text}:{a.Position}:{a.NoComments}") ?? []),
            string.Join("/", response?.Attachments.Select(a => a.FileName) ?? []),
            $"outbox {outbox}");
    }

    /// <summary>The e-mails queued about <paramref name="concernsId"/> (a recipient or an extension): reason and address.</summary>
    public static Task<List<(EmailReason Reason, string To)>> EmailsAboutAsync(RemissAppFactory factory, Guid concernsId) =>
        factory.InTenantAsync("malmo", async (db, _) =>
            (await db.Outbox.Where(m => m.ConcernsId == concernsId).ToListAsync())
                .Select(m => (m.Reason, m.ToAddress))
                .ToList());

    /// <summary>Adds a user with the demo password as a member of <paramref name="organisationNames"/>.</summary>
    public static Task<Guid> NewMemberAsync(RemissAppFactory factory, string email, string displayName, params string[] organisationNames) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = factory.Clock.UtcNow,
            };
            var created = await users.CreateAsync(user, WebSession.DemoPassword);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
            db.TenantAccesses.Add(TenantAccess.Grant(user.Id, tenant.Id, isAdmin: false, factory.Clock.UtcNow));
            foreach (var organisation in await db.Organisations.Where(o => organisationNames.Contains(o.Name)).ToListAsync())
            {
                db.Memberships.Add(Membership.Create(organisation, user.Id));
            }

            await db.SaveChangesAsync();
            return user.Id;
        });

    /// <summary>Saves a complete yttrande for a recipient directly, as a colleague's earlier work would leave it.</summary>
    public static Task SaveCompleteDraftAsync(
        RemissAppFactory factory, Guid remissId, Guid recipientId, DecisionContent? decision = null, string summary = "<p>Nämnden ställer sig bakom förslaget.</p>") =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!;
            Assert.Equal(remissId, recipient.RemissId);
            var names = await db.Organisations.Where(o => !o.IsRetired).Select(o => o.Name).ToListAsync();
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == "malmo");
            var context = new ResponseContext(tenant.StandardSections, names);
            var user = await UserIdAsync(db, AsnUser);
            recipient.SaveDraft(
                new ResponseContent(
                    summary,
                    null,
                    [new AnswerContent(1, "<p>Arbetet med trygghet i Rosengård.</p>"), new AnswerContent(3, "<p>Ett långsiktigt arbete behövs.</p>", new PositionAnswer(Position.Supports))],
                    [],
                    decision,
                    [new SignatoryContent("Anna Chef", "Förvaltningschef")]),
                recipient.Response?.Version ?? 0,
                context,
                user,
                factory.Clock.UtcNow);
            return await db.SaveChangesAsync();
        });
}
