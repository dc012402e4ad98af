namespace Remiss.Tests.Features.Remisser;

using System.Net;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// Every page and handler of the sender's journey, for everyone but the owner: a member of a recipient
/// organisation, a member of the tenant outside both, and a user of another tenant (with the remiss under
/// their own tenant and under the remiss's) get a plain 404 and change nothing; anonymous visitors are sent to
/// sign in; a post without its antiforgery token is refused with 400.
/// </summary>
public sealed class RemissRightsTests(RemissRightsTests.Fixture fixture) : IClassFixture<RemissRightsTests.Fixture>
{
    private const string Recipient = "medlem i en remissinstans";
    private const string NonMember = "medlem i varken ägare eller remissinstans";
    private const string LundUnderLund = "Lunds handläggare under /lund";
    private const string LundUnderMalmo = "Lunds handläggare under /malmo";

    private static readonly IReadOnlyDictionary<string, Endpoint> Endpoints = new Endpoint[]
    {
        // The draft: its form and every button of it, its preview, its confirmation, its page and its bilaga.
        Get("Redigera utkast", OnDraft, "/redigera"),
        Post("Spara utkast", OnDraft, _ => "/redigera", EditFields),
        Post("Lägg till fråga", OnDraft, _ => "/redigera?handler=AddQuestion", EditFields),
        Post("Ta bort fråga", OnDraft, _ => "/redigera?handler=RemoveQuestion&index=0", EditFields),
        Post("Flytta upp fråga", OnDraft, _ => "/redigera?handler=MoveQuestionUp&index=1", EditFields),
        Post("Flytta ned fråga", OnDraft, _ => "/redigera?handler=MoveQuestionDown&index=0", EditFields),
        Post("Välj alla bolag", OnDraft, _ => "/redigera?handler=SelectGroup&kind=Bolag", EditFields),
        Post("Ladda upp bilaga", OnDraft, _ => "/redigera?handler=Upload", EditFields, upload: true),
        Post("Ta bort bilaga", OnDraft, f => $"/redigera?handler=RemoveAttachment&attachmentId={f.Draft.AttachmentId}", EditFields),
        Post("Förhandsgranska-knappen", OnDraft, _ => "/redigera?handler=Preview", EditFields),
        Post("Skicka remiss-knappen", OnDraft, _ => "/redigera?handler=Send", EditFields),
        Get("Förhandsgranska", OnDraft, "/forhandsgranska"),
        Get("Skicka remissen (bekräftelse)", OnDraft, "/skicka"),
        Post("Bekräfta och skicka", OnDraft, _ => "/skicka", NoFields),
        Get("Utkastets remissida", OnDraft, string.Empty),
        Get("Utkastets bilaga", OnDraft, f => $"/bilagor/{f.Draft.AttachmentId}"),
        Get("Ta bort utkastet (bekräftelse)", OnDraft, "/ta-bort"),
        Post("Bekräfta och ta bort", OnDraft, _ => "/ta-bort", _ => new() { ["Version"] = "1" }),

        // The sent remiss: its page, its bilaga, every follow-up action and an yttrande.
        Get("Remissidan", OnSent, string.Empty, recipientMayRead: true),
        Get("Bilagan", OnSent, f => $"/bilagor/{f.Sent.AttachmentId}", recipientMayRead: true),
        Post("Flytta sista svarsdag", OnSent, _ => "?handler=MoveDeadline", _ => new() { ["NewDeadline"] = "2027-06-30" }),
        Post("Lägg till remissinstanser", OnSent, _ => "?handler=AddRecipients", f => new() { ["AddedRecipientIds"] = f.Fritidsnamnden.ToString() }),
        Get("Återkalla remissen (bekräftelse)", OnSent, "/aterkalla"),
        Post("Bekräfta och återkalla", OnSent, _ => "/aterkalla", _ => new() { ["WithdrawalReason"] = "Kapad", ["Version"] = "1" }),
        Get("Stäng remissen (bekräftelse)", OnSent, "/stang"),
        Post("Bekräfta och stäng", OnSent, _ => "/stang", _ => new() { ["Version"] = "1" }),
        Post("Påminn nu", OnSent, f => $"?handler=RemindNow&recipientId={f.Sent.Recipients[Arrange.Tekniska]}", NoFields),
        Post("Bevilja anstånd", OnSent, f => $"?handler=GrantExtension&recipientId={f.Sent.Recipients[Arrange.Tekniska]}&extensionId={f.ExtensionId}", _ => new() { ["GrantedDeadline"] = "2027-05-30", ["Message"] = "Kapad" }),
        Post("Avslå anstånd", OnSent, f => $"?handler=RefuseExtension&recipientId={f.Sent.Recipients[Arrange.Tekniska]}&extensionId={f.ExtensionId}", _ => new() { ["Message"] = "Kapad" }),
        Get("Läs yttrande", OnSent, f => $"/yttranden/{f.Sent.Recipients[Arrange.Asn]}"),
        Post("Öppna yttrandet igen", OnSent, f => $"/yttranden/{f.Sent.Recipients[Arrange.Asn]}?handler=Reopen", _ => new() { ["ReopenReason"] = "Kapad" }),
    }.ToDictionary(e => e.Name);

    private const bool OnDraft = false;
    private const bool OnSent = true;

    public static TheoryData<string, string> Forbidden()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { Recipient, NonMember, LundUnderLund, LundUnderMalmo })
        {
            foreach (var endpoint in Endpoints.Values.Where(e => !(user == Recipient && e.RecipientMayRead)))
            {
                data.Add(user, endpoint.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> Every() => [.. Endpoints.Keys];

    public static TheoryData<string> EveryPost() => [.. Endpoints.Values.Where(e => e.IsPost).Select(e => e.Name)];

    public static TheoryData<string> EveryGet() => [.. Endpoints.Values.Where(e => !e.IsPost).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task EveryoneButTheOwner_GetsNotFound_AndChangesNothing(string user, string endpoint)
    {
        var e = Endpoints[endpoint];
        var remiss = e.OnSent ? fixture.Sent : fixture.Draft;
        var before = await Arrange.FingerprintAsync(fixture, remiss.Id);
        var (session, tenant, token) = user switch
        {
            Recipient => (fixture.Asn, "malmo", fixture.AsnToken),
            NonMember => (fixture.Admin, "malmo", fixture.AdminToken),
            LundUnderLund => (fixture.Lund, "lund", fixture.LundToken),
            _ => (fixture.Lund, "malmo", fixture.LundToken),
        };

        using var response = await SendAsync(session, tenant, e, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(remiss.Title, body, StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.FingerprintAsync(fixture, remiss.Id));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Anonymous_IsSentToSignIn_AndChangesNothing(string endpoint)
    {
        var e = Endpoints[endpoint];
        var remiss = e.OnSent ? fixture.Sent : fixture.Draft;
        var before = await Arrange.FingerprintAsync(fixture, remiss.Id);
        using var anonymous = fixture.NewSession();

        using var response = await SendAsync(anonymous, "malmo", e, token: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Target(), StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.FingerprintAsync(fixture, remiss.Id));
    }

    [Theory]
    [MemberData(nameof(EveryPost))]
    public async Task TheOwnersPostWithoutTheAntiforgeryToken_IsRefusedWith400_AndChangesNothing(string endpoint)
    {
        var e = Endpoints[endpoint];
        var remiss = e.OnSent ? fixture.Sent : fixture.Draft;
        var before = await Arrange.FingerprintAsync(fixture, remiss.Id);

        using var response = await SendAsync(fixture.Owner, "malmo", e, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Arrange.FingerprintAsync(fixture, remiss.Id));
    }

    [Theory]
    [MemberData(nameof(EveryGet))]
    public async Task TheOwner_MayOpenEveryPage(string endpoint)
    {
        using var response = await SendAsync(fixture.Owner, "malmo", Endpoints[endpoint], token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AMemberOfARecipient_MayReadTheSentRemissAndItsBilaga_WithoutTheOwnersTableOrActions()
    {
        var (response, page) = await fixture.Asn.GetPageAsync(fixture.Sent.Url);
        using var download = await fixture.Asn.GetAsync($"{fixture.Sent.Url}/bilagor/{fixture.Sent.AttachmentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.Sent.Title, Html.Text(page.QuerySelector("main h1")));
        Assert.Null(page.QuerySelector("main table"));
        Assert.Null(page.QuerySelector("main section[aria-labelledby=fler-atgarder]"));
        Assert.Null(page.QuerySelector("main form"));
        Assert.DoesNotContain("har svarat", Html.Text(page.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(WebSession session, string tenant, Endpoint endpoint, string? token)
    {
        var remiss = endpoint.OnSent ? fixture.Sent : fixture.Draft;
        var path = $"/{tenant}/remisser/{remiss.Id}{endpoint.Path(fixture)}";
        if (!endpoint.IsPost)
        {
            return session.GetAsync(path);
        }

        var fields = endpoint.Fields!(fixture);
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        HttpContent content = endpoint.Upload
            ? BrowserForm.Multipart(fields, new ChosenFile("NewAttachment", "kapad.pdf", SampleFiles.Pdf()))
            : new FormUrlEncodedContent(fields);
        return session.PostContentAsync(path, content);
    }

    private static Endpoint Get(string name, bool onSent, string path, bool recipientMayRead = false) => new(name, onSent, _ => path, null, false, recipientMayRead);

    private static Endpoint Get(string name, bool onSent, Func<Fixture, string> path, bool recipientMayRead = false) => new(name, onSent, path, null, false, recipientMayRead);

    private static Endpoint Post(string name, bool onSent, Func<Fixture, string> path, Func<Fixture, Dictionary<string, string>> fields, bool upload = false) =>
        new(name, onSent, path, fields, upload, false);

    private static Dictionary<string, string> NoFields(Fixture fixture) => [];

    /// <summary>The draft's whole form as an intruder would post it: every field changed.</summary>
    private static Dictionary<string, string> EditFields(Fixture fixture) => new()
    {
        ["Input.Version"] = fixture.DraftVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Title"] = "Kapad titel",
        ["Input.Diarienummer"] = "KAPAD-1",
        ["Input.Deadline"] = "2027-06-30",
        ["Input.OwnerOrganisationId"] = fixture.Stadskontoret.ToString(),
        ["Input.Questions[0].Text"] = "Kapad fråga 1",
        ["Input.Questions[0].Type"] = "FreeText",
        ["Input.Questions[1].Text"] = "Kapad fråga 2",
        ["Input.Questions[1].Type"] = "FreeText",
        ["Input.RecipientIds"] = fixture.Fritidsnamnden.ToString(),
    };

    private sealed record Endpoint(
        string Name, bool OnSent, Func<Fixture, string> Path, Func<Fixture, Dictionary<string, string>>? Fields, bool Upload, bool RecipientMayRead)
    {
        public bool IsPost => Fields is not null;
    }

    /// <summary>
    /// A draft (with a bilaga) and a sent remiss (with a bilaga, a submitted yttrande from ASN and an anstånd asked
    /// by Tekniska nämnden), owned by Stadskontoret; and a signed-in session with an antiforgery token for each user.
    /// </summary>
    public sealed class Fixture : RemissAppFactory, IAsyncLifetime
    {
        internal ArrangedRemiss Draft { get; private set; } = null!;

        internal ArrangedRemiss Sent { get; private set; } = null!;

        internal Guid ExtensionId { get; private set; }

        internal int DraftVersion { get; private set; }

        internal Guid Stadskontoret { get; private set; }

        internal Guid Fritidsnamnden { get; private set; }

        internal WebSession Owner { get; private set; } = null!;

        internal WebSession Asn { get; private set; } = null!;

        internal WebSession Admin { get; private set; } = null!;

        internal WebSession Lund { get; private set; } = null!;

        internal string AsnToken { get; private set; } = string.Empty;

        internal string AdminToken { get; private set; } = string.Empty;

        internal string LundToken { get; private set; } = string.Empty;

        private readonly List<WebSession> _sessions = [];

        async Task IAsyncLifetime.InitializeAsync()
        {
            Draft = await Arrange.RemissAsync(this, new RemissSpec { WithAttachment = true, Recipients = [Arrange.Asn, Arrange.Tekniska] });
            Sent = await Arrange.RemissAsync(this, new RemissSpec { WithAttachment = true, Sent = true, Recipients = [Arrange.Asn, Arrange.Tekniska, Arrange.Mkb] });
            ExtensionId = await Arrange.ChangeAsync(this, Sent.Id, (r, c) =>
            {
                Arrange.Submit(r, Sent.Recipients[Arrange.Asn], c);
                return Arrange.RequestExtension(r, Sent.Recipients[Arrange.Tekniska], c, new DateOnly(2027, 4, 30));
            });
            DraftVersion = (await Arrange.StoredAsync(this, Draft.Id)).Version;
            var ids = await Arrange.OrganisationIdsAsync(this);
            Stadskontoret = ids[Arrange.Stadskontoret];
            Fritidsnamnden = ids["Fritidsnämnden"];

            Owner = await SignInAsync(Arrange.Owner);
            Asn = await SignInAsync(Arrange.AsnUser);
            Admin = await SignInAsync(Arrange.Admin);
            Lund = await SignInAsync(Arrange.LundUser);
            await Owner.TokenAsync("/malmo");
            AsnToken = await Asn.TokenAsync("/malmo");
            AdminToken = await Admin.TokenAsync("/malmo");
            LundToken = await Lund.TokenAsync("/lund");
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            _sessions.ForEach(s => s.Dispose());
            return Task.CompletedTask;
        }

        private async Task<WebSession> SignInAsync(string email)
        {
            var session = NewSession();
            _sessions.Add(session);
            await session.SignInAsync(email);
            return session;
        }
    }
}
