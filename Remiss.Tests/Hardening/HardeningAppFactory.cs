namespace Remiss.Tests.Hardening;

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Administration;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;

/// <summary>
/// The one app of the hardening tests: the demo with STK-2023-137 sent, a draft copy for the owner's form, its
/// files in a folder of its own; Lund's remiss sent too, with a secretary and an admin of Lund and a draft of its
/// owner's; an invited user's link to choose a password; and a pending anstånd in each tenant, so the owners'
/// remiss pages show the forms that decide one. Each demo user signs in once; their browsers are shared by the tests.
/// </summary>
public sealed class HardeningAppFactory : SentDemoAppFactory
{
    public const string Owner = "handlaggare@malmo.example";
    public const string Recipient = "asn@malmo.example";
    public const string Admin = "admin@malmo.example";
    public const string Operator = "operator@remiss.example";
    public const string Anonymous = "anonym";
    public const string LundOwner = "handlaggare@lund.example";
    public const string LundRecipient = "sekreterare@lund.example";
    public const string LundAdmin = "admin@lund.example";

    /// <summary>Who asks for the anstånd that each tenant's owner decides: a recipient the walk itself does not play.</summary>
    private static (string Email, string Organisation) AskerOf(string slug) =>
        slug == "lund" ? ("utbildning@lund.example", "Utbildningsnämnden") : ("grundskola@malmo.example", Kit.GrundskolaName);

    private readonly ConcurrentDictionary<string, Lazy<Task<HardeningBrowser>>> _browsers = new();

    public SentRemiss Draft { get; private set; } = null!;

    /// <summary>Lund's sent remiss, its secretary's recipient and its owner's draft.</summary>
    public (Guid RemissId, Guid RecipientId, Guid DraftId) Lund { get; private set; }

    /// <summary>The invitation link of a user who has not chosen a password yet: the page to choose one.</summary>
    public string SetPasswordPath { get; private set; } = string.Empty;

    /// <summary>The sent remiss of each tenant that the walk works on.</summary>
    public Guid RemissOf(string slug) => slug == "lund" ? Lund.RemissId : DemoId;

    /// <summary>The browser of <paramref name="user"/>, signed in once (<see cref="Anonymous"/>: never signed in).</summary>
    public Task<HardeningBrowser> BrowserAsync(string user) =>
        _browsers.GetOrAdd(user, u => new Lazy<Task<HardeningBrowser>>(() => HardeningBrowser.OpenAsync(BaseAddress, u == Anonymous ? null : u))).Value;

    /// <summary>
    /// Makes sure the owner of <paramref name="slug"/>'s remiss has an anstånd to decide: if none is pending, a
    /// recipient asks for one through the Anstånd page, a week after its current deadline. False when the remiss no
    /// longer takes requests (the walk has withdrawn it).
    /// </summary>
    public async Task<bool> EnsurePendingExtensionAsync(string slug)
    {
        var (email, organisation) = AskerOf(slug);
        var remissId = RemissOf(slug);
        var deadline = await InTenantAsync(slug, async (db, services) =>
        {
            var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            var recipientId = await db.Recipients.Where(r => r.RemissId == remissId && r.OrganisationId == organisationId).Select(r => r.Id).SingleAsync();
            var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(recipientId, CancellationToken.None))!;
            return recipient.PendingExtension is null ? recipient.Deadline : (DateOnly?)null;
        });
        if (deadline is not { } current)
        {
            return true;
        }

        var asker = await BrowserAsync(email);
        var path = $"/{slug}/remisser/{remissId}/yttrande/anstand";
        var (response, page) = await asker.GetAsync(path);
        using (response)
        {
            if (HtmlForm.All(page).FirstOrDefault(f => f.Action.StartsWith(path, StringComparison.Ordinal)) is not { } form)
            {
                return false;
            }

            var values = form.Values().Where(v => v.Key is not ("RequestedDeadline" or "Reason")).ToList();
            values.Add(new("RequestedDeadline", current.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            values.Add(new("Reason", "Nämnden sammanträder först nästa månad."));
            using var asked = await asker.PostAsync(form.Action, form.Content(values));
            return asked.StatusCode == HttpStatusCode.Redirect;
        }
    }

    protected override async Task InitializeMoreAsync()
    {
        Draft = await CopyOfDemoAsync(sent: false);
        await AddUserAsync("lund", LundRecipient, "Sara Sekreterare", "Tekniska nämnden", role: null);
        await AddUserAsync("lund", AskerOf("lund").Email, "Ulf Utbildning", AskerOf("lund").Organisation, role: null);
        await AddUserAsync("lund", LundAdmin, "Lina Lundberg", organisation: null, Roles.TenantAdmin);
        Lund = await PrepareLundAsync();
        SetPasswordPath = await InvitationLinkAsync("malmo", "inbjuden@malmo.example", "Inga Inbjuden");
        Assert.True(await EnsurePendingExtensionAsync("malmo"), "No anstånd could be asked for in malmo.");
        Assert.True(await EnsurePendingExtensionAsync("lund"), "No anstånd could be asked for in lund.");
    }

    /// <summary>Sends Lund's demo remiss through the product, and gives its owner a draft with the same questions.</summary>
    private Task<(Guid, Guid, Guid)> PrepareLundAsync() =>
        InTenantAsync("lund", async (db, services) =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == LundOwner);
            var remissId = await db.Remisser.Select(r => r.Id).SingleAsync();
            var remiss = (await services.GetRequiredService<RemissReader>().FindAsync(remissId, CancellationToken.None))!;
            await services.GetRequiredService<RemissSending>().SendAsync(remiss, CancellationToken.None);
            var tekniska = await db.Organisations.Where(o => o.Name == "Tekniska nämnden").Select(o => o.Id).SingleAsync();

            var organisations = await db.Organisations.ToListAsync();
            var draft = Remiss.CreateDraft(organisations.Single(o => o.Id == remiss.OwnerOrganisationId), "Utkast i Lund", owner.Id, Clock.UtcNow);
            draft.UpdateDetails("Utkast i Lund", "KS 2026/0999", remiss.Description, remiss.Deadline, Stockholm.Today(Clock.UtcNow), null, null);
            foreach (var q in remiss.Questions)
            {
                draft.AddQuestion(new QuestionDefinition(q.Text, q.Type, q.IsRequired, q.Options, q.OptionsAreOrganisations, q.AllowsSeveralChoices, q.Items));
            }

            db.AddRemiss(draft);
            await db.SaveChangesAsync();
            return (remissId, remiss.Recipients.Single(r => r.OrganisationId == tekniska).Id, draft.Id);
        });

    /// <summary>Invites a user through the administrators' service and reads the link from the invitation it queued.</summary>
    private Task<string> InvitationLinkAsync(string slug, string email, string name) =>
        InTenantAsync(slug, async (db, services) =>
        {
            var userId = await services.GetRequiredService<TenantUsers>().InviteAsync(new UserInput(email, name, null, [], false), "Ada Admin", CancellationToken.None);
            var body = await db.Outbox.Where(m => m.ConcernsId == userId && m.Reason == EmailReason.AccountInvitation).Select(m => m.TextBody).SingleAsync();
            var link = Regex.Match(body, @"https?://\S+/konto/valj-losenord\?\S+");
            Assert.True(link.Success, $"No link to choose a password in the invitation:\n{body}");
            return new Uri(link.Value).PathAndQuery;
        });
}

/// <summary>One user's browser: one connection pool, its cookies, redirects visible.</summary>
public sealed class HardeningBrowser : IDisposable
{
    private readonly HttpClient _client;

    private HardeningBrowser(Uri baseAddress, string? user)
    {
        User = user;
        var handler = new HttpClientHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == TestCertificate.Value.Thumbprint,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string? User { get; }

    public string Name => User ?? HardeningAppFactory.Anonymous;

    public Uri BaseAddress => _client.BaseAddress!;

    public CookieContainer Cookies { get; } = new();

    public static async Task<HardeningBrowser> OpenAsync(Uri baseAddress, string? user)
    {
        var browser = new HardeningBrowser(baseAddress, user);
        if (user is not null)
        {
            var (_, page) = await browser.GetAsync("/konto/logga-in");
            var form = HtmlForm.All(page).Single(f => f.Action.StartsWith("/konto/logga-in", StringComparison.Ordinal));
            var fields = form.Values().Where(f => f.Key is not ("Input.Email" or "Input.Password")).ToList();
            fields.Add(new("Input.Email", user));
            fields.Add(new("Input.Password", WebSession.DemoPassword));
            using var response = await browser.PostAsync(form.Action, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} could not sign in: {(int)response.StatusCode}");
            if (WebSession.IsSecondStep(response) && Authenticator.KeyOf(user) is { } key)
            {
                var (_, codePage) = await browser.GetAsync(response.Headers.Location!.OriginalString);
                var codeForm = HtmlForm.All(codePage).Single(f => f.Action.StartsWith("/konto/logga-in/kod", StringComparison.Ordinal));
                var codeFields = codeForm.Values().Where(f => f.Key != "Input.Code").ToList();
                codeFields.Add(new("Input.Code", Authenticator.Code(key)));
                using var signedIn = await browser.PostAsync(codeForm.Action, new FormUrlEncodedContent(codeFields));
                Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{user} could not give the code: {(int)signedIn.StatusCode}");
            }
        }

        return browser;
    }

    public async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await WebSession.ParseAsync(response));
    }

    public Task<HttpResponseMessage> GetRawAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content)
    {
        using (content)
        {
            var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    public void Dispose() => _client.Dispose();
}
