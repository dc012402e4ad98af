namespace Remiss.Tests.Features.Responses;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Tests.Features.Files;
using Remiss.Tests.TestSupport;

/// <summary>
/// Only members of the recipient organisation read and edit its yttrande: a member of another recipient
/// (grundskola@malmo), the remiss's owner (who reads at /yttranden/{id}), another tenant and anonymous visitors
/// get 404 or the sign-in page on every page and handler, and nothing changes. Posts need the antiforgery token;
/// a draft remiss has no yttrande pages.
/// </summary>
public sealed class ResponseRightsTests(ResponseRightsTests.Factory factory) : IClassFixture<ResponseRightsTests.Factory>
{
    private static readonly string[] Handlers = ["", "AddSignatory", "Upload", "RemoveAttachment", "Submit", "Decline", "Extension", "Autosave"];

    private Guid Asn => factory.DemoRecipients[Kit.AsnName];

    private string Yttrande => $"/malmo/remisser/{factory.DemoId}/yttrande";

    /// <summary>Every GET of asn's yttrande, named with ?for= where the page takes it.</summary>
    private string[] AsnPages =>
    [
        $"{Yttrande}?for={Asn}",
        $"{Yttrande}/skicka-in?for={Asn}",
        $"{Yttrande}/avsta?for={Asn}",
        $"{Yttrande}/anstand?for={Asn}",
        $"/malmo/remisser/{factory.DemoId}/yttranden/{Asn}/bilagor/{factory.AttachmentId}",
    ];

    /// <summary>Every POST of asn's yttrande: the form's eight handlers, the three confirmation pages and Komplettera med beslut.</summary>
    private string[] AsnPosts =>
    [
        .. Handlers.Select(h => h switch
        {
            "" => $"{Yttrande}?for={Asn}",
            "RemoveAttachment" => $"{Yttrande}?handler=RemoveAttachment&attachmentId={factory.AttachmentId}&for={Asn}",
            _ => $"{Yttrande}?handler={h}&for={Asn}",
        }),
        $"{Yttrande}/skicka-in?for={Asn}",
        $"{Yttrande}/avsta?for={Asn}",
        $"{Yttrande}/anstand?for={Asn}",
        $"{Yttrande}/beslut?for={Asn}",
    ];

    [Fact]
    public async Task Asn_reads_its_own_yttrande_with_or_without_for()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);

        foreach (var path in AsnPages)
        {
            using var response = await asn.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var (_, page) = await asn.GetPageAsync(Yttrande);
        Assert.Equal("Nämnden ställer sig bakom förslaget.", PageForm.Yttrande(page).Value("Input.Summary"));
    }

    [Fact]
    public async Task A_member_of_another_recipient_gets_404_on_every_page_of_asns_yttrande()
    {
        using var grundskola = await factory.SignedInAsync(Kit.GrundskolaUser);

        foreach (var path in AsnPages.Append($"/malmo/remisser/{factory.DemoId}/yttranden/{Asn}"))
        {
            using var response = await grundskola.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        // Without ?for= Greta sees her own organisation's yttrande, never asn's.
        var (own, page) = await grundskola.GetPageAsync(Yttrande);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal($"Yttrande från {Kit.GrundskolaName}", Kit.Text(page.QuerySelector("main h1")));
        Assert.DoesNotContain("Nämnden ställer sig bakom förslaget.", Kit.MainText(page), StringComparison.Ordinal);
        Assert.Equal("Grundskolenämndens eget utkast.", PageForm.Yttrande(page).Value("Input.Summary"));
    }

    [Fact]
    public async Task A_member_of_another_recipient_gets_404_on_every_post_to_asns_yttrande_and_nothing_changes()
    {
        using var grundskola = await factory.SignedInAsync(Kit.GrundskolaUser);
        var (_, own) = await grundskola.GetPageAsync(Yttrande);
        var form = PageForm.Yttrande(own)
            .Set("Input.Summary", "Greta skriver i fel yttrande.")
            .Set("Input.Version", "99")
            .Set("Reason", "Greta avstår åt ASN.")
            .Set("RequestedDeadline", "2028-01-31")
            .Set("ConfirmedKind", "BoardDecision")
            .Set("ConfirmedDate", "2027-01-20");
        var before = await Kit.FingerprintAsync(factory, factory.DemoId, Asn);

        foreach (var path in AsnPosts)
        {
            var response = await form.PostToAsync(grundskola, path, new UploadFile("NewAttachment", "Greta.pdf", SampleFiles.Pdf()));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await Kit.FingerprintAsync(factory, factory.DemoId, Asn));
    }

    [Fact]
    public async Task A_member_of_another_recipient_cannot_fetch_asns_bilaga_through_their_own_yttrande()
    {
        using var grundskola = await factory.SignedInAsync(Kit.GrundskolaUser);
        var theirs = factory.DemoRecipients[Kit.GrundskolaName];

        using var response = await grundskola.GetAsync($"/malmo/remisser/{factory.DemoId}/yttranden/{theirs}/bilagor/{factory.AttachmentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Asn_cannot_name_another_recipient_with_for()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var grundskola = factory.DemoRecipients[Kit.GrundskolaName];

        foreach (var path in new[] { $"{Yttrande}?for={grundskola}", $"{Yttrande}/skicka-in?for={grundskola}", $"{Yttrande}/avsta?for={grundskola}", $"{Yttrande}/anstand?for={grundskola}", $"{Yttrande}?for={Guid.NewGuid()}" })
        {
            using var response = await asn.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_owner_gets_404_on_the_recipients_pages_and_sees_only_the_drafts_status_on_its_own_page()
    {
        using var owner = await factory.SignedInAsync(Kit.Owner);

        foreach (var path in new[] { Yttrande, $"{Yttrande}/skicka-in", $"{Yttrande}/avsta", $"{Yttrande}/anstand" }.Concat(AsnPages.Take(4)))
        {
            using var response = await owner.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        var token = await owner.TokenAsync();
        var before = await Kit.FingerprintAsync(factory, factory.DemoId, Asn);
        foreach (var path in AsnPosts)
        {
            var response = await owner.PostFormAsync(path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Summary"] = "Ägaren skriver.", ["Reason"] = "Ägaren avstår." });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await Kit.FingerprintAsync(factory, factory.DemoId, Asn));
        var (ownPage, page) = await owner.GetPageAsync($"/malmo/remisser/{factory.DemoId}/yttranden/{Asn}");
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);

        // The draft stays with its nämnd until submitted (TF 2 kap.): its status and last save, never its words or bilagor.
        Assert.DoesNotContain("Nämnden ställer sig bakom förslaget.", Kit.MainText(page), StringComparison.Ordinal);
        Assert.Contains("skriver på sitt yttrande", Kit.MainText(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href$='/word']"));
        using var attachment = await owner.GetAsync(AsnPages[4]);
        Assert.Equal(HttpStatusCode.NotFound, attachment.StatusCode);
        using var word = await owner.GetAsync($"/malmo/remisser/{factory.DemoId}/yttranden/{Asn}/word");
        Assert.Equal(HttpStatusCode.NotFound, word.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_user_gets_404_everywhere_also_under_their_own_tenant()
    {
        using var lund = await factory.SignedInAsync(Kit.LundUser);
        var token = await lund.TokenAsync("/lund");

        foreach (var path in AsnPages.Concat(AsnPages.Select(p => p.Replace("/malmo/", "/lund/", StringComparison.Ordinal))))
        {
            using var response = await lund.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        var before = await Kit.FingerprintAsync(factory, factory.DemoId, Asn);
        foreach (var path in AsnPosts.Concat(AsnPosts.Select(p => p.Replace("/malmo/", "/lund/", StringComparison.Ordinal))))
        {
            var response = await lund.PostFormAsync(path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Summary"] = "Lund skriver." });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await Kit.FingerprintAsync(factory, factory.DemoId, Asn));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_change_nothing()
    {
        using var anonymous = factory.NewSession();
        var before = await Kit.FingerprintAsync(factory, factory.DemoId, Asn);

        foreach (var path in AsnPages.Append(Yttrande))
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal("/konto/logga-in", response.Target().Split('?')[0]);
        }

        foreach (var path in AsnPosts)
        {
            var response = await anonymous.PostFormAsync(path, new Dictionary<string, string> { ["Input.Summary"] = "Anonym." });
            Assert.True(response.StatusCode is HttpStatusCode.Redirect, $"POST {path}: {(int)response.StatusCode}");
            Assert.Equal("/konto/logga-in", response.Target().Split('?')[0]);
        }

        Assert.Equal(before, await Kit.FingerprintAsync(factory, factory.DemoId, Asn));
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused_with_400_and_change_nothing()
    {
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var (_, page) = await asn.GetPageAsync(Yttrande);
        var form = PageForm.Yttrande(page).Remove("__RequestVerificationToken").Set("Input.Summary", "Förfalskad.").Set("Reason", "Förfalskad.").Set("RequestedDeadline", "2028-01-31");
        var before = await Kit.FingerprintAsync(factory, factory.DemoId, Asn);

        foreach (var path in AsnPosts)
        {
            var response = await form.PostToAsync(asn, path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await Kit.FingerprintAsync(factory, factory.DemoId, Asn));
    }

    [Fact]
    public async Task While_the_remiss_is_a_draft_its_recipients_get_404_on_every_yttrande_page_and_post()
    {
        var draft = await factory.CopyOfDemoAsync(sent: false);
        using var asn = await factory.SignedInAsync(Kit.AsnUser);
        var token = await asn.TokenAsync();

        foreach (var path in new[] { draft.Url, draft.Yttrande, $"{draft.Yttrande}/skicka-in", $"{draft.Yttrande}/avsta", $"{draft.Yttrande}/anstand", $"{draft.Yttrande}?for={draft.Asn}" })
        {
            using var response = await asn.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        foreach (var path in new[] { draft.Yttrande, $"{draft.Yttrande}?handler=Autosave", $"{draft.Yttrande}?handler=Submit", $"{draft.Yttrande}/skicka-in", $"{draft.Yttrande}/avsta", $"{draft.Yttrande}/anstand" })
        {
            var response = await asn.PostFormAsync(path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Summary"] = "För tidigt.", ["RequestedDeadline"] = "2028-01-31" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)response.StatusCode}");
        }

        var stored = await Kit.StoredAsync(factory, draft.Id, draft.Asn);
        Assert.Null(stored.Response);
        Assert.Equal(RecipientStatus.NotStarted, stored.Status);
    }

    /// <summary>The sent demo with a complete draft by asn and a bilaga on it.</summary>
    public sealed class Factory : SentDemoAppFactory
    {
        public Guid AttachmentId { get; private set; }

        protected override async Task InitializeMoreAsync()
        {
            var asn = DemoRecipients[Kit.AsnName];
            await Kit.SaveCompleteDraftAsync(this, DemoId, asn);
            await Kit.SaveCompleteDraftAsync(this, DemoId, DemoRecipients[Kit.GrundskolaName], summary: "<p>Grundskolenämndens eget utkast.</p>");
            AttachmentId = await InTenantAsync("malmo", async (db, services) =>
            {
                var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
                var recipient = (await services.GetRequiredService<RemissReader>().FindRecipientAsync(asn, CancellationToken.None))!;
                using var pdf = new MemoryStream(SampleFiles.Pdf());
                var file = await services.GetRequiredService<AttachmentIntake>().AcceptAsync(tenant.Id, pdf, "Protokollsutdrag.pdf", CancellationToken.None);
                var attachment = recipient.AddAttachment(file, await Kit.UserIdAsync(db, Kit.AsnUser), Clock.UtcNow);
                await db.SaveChangesAsync();
                return attachment.Id;
            });
        }
    }
}
