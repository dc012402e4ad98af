namespace Remiss.Tests.Features.Completion;

using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Email;
using Remiss.Infrastructure.Files;
using Remiss.Infrastructure.Remisser;
using Remiss.Tests.Features.Documents;
using Remiss.Tests.Features.Responses;
using Remiss.Tests.TestSupport;
using Arrange = Remiss.Tests.Features.Remisser.Arrange;
using ArrangedRemiss = Remiss.Tests.Features.Remisser.ArrangedRemiss;
using FilesAppFactory = Remiss.Tests.Features.Remisser.FilesAppFactory;
using RemissSpec = Remiss.Tests.Features.Remisser.RemissSpec;

/// <summary>
/// Avsluta remiss through the real app: the owner confirms on a page of its own; the final sammanställning is stored once
/// with its SHA-256 in the history and handed out byte for byte to the owners, to the remissinstanser that answered or
/// declined (who are told by e-mail) and, where the tenant publishes, to anyone. Recipients see nothing of the office's
/// work before that.
/// </summary>
public sealed class CompletionTests(FilesAppFactory factory) : IClassFixture<FilesAppFactory>
{
    private const string PointText = CompletionTestKit.PointText;
    private const string ReplyText = CompletionTestKit.ReplyText;
    private const string CommentText = CompletionTestKit.CommentText;
    private const string Refused = "Remissen måste vara stängd innan den kan avslutas.";

    [Fact]
    public async Task The_owner_completes_a_closed_remiss_through_the_confirmation_page_and_the_final_summary_is_stored_once()
    {
        var remiss = await WithWorkAsync(closed: true);
        using var owner = await factory.SignedInAsync(Arrange.Owner);
        var files = factory.StoredFiles().Count;

        var (_, page) = await owner.GetPageAsync(remiss.Url);
        var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Avsluta remiss").GetAttribute("href")!;
        Assert.Equal($"{remiss.Url}/avsluta", link);
        var (response, confirm) = await owner.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Kit.MainText(confirm);
        Assert.Contains("2 remissinstanser som har yttrat sig eller avstått får återkoppling med e-post", text, StringComparison.Ordinal);
        Assert.Contains("Av remissens synpunkter saknar 1 bemötande och 1 ställningstagande.", text, StringComparison.Ordinal);
        Assert.Contains("går inte längre att ändra", text, StringComparison.Ordinal);
        Assert.Contains("Remissen är avslutad: ", text, StringComparison.Ordinal);

        var done = await owner.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(owner, "Bekräfta och avsluta"), remiss.Url);

        Assert.Equal("Remissen är avslutad och sammanställningen slutlig. 2 remissinstanser får återkoppling med e-post.", Kit.Status(done));
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Completed, stored.Status);
        var final = stored.FinalSummary!;
        var history = Kit.Text(done.QuerySelector("main section[aria-labelledby=historik] tbody"));
        Assert.Contains("Remiss avslutad", history, StringComparison.Ordinal);
        Assert.Contains(final.Sha256, history, StringComparison.Ordinal);
        Assert.Equal(files + 1, factory.StoredFiles().Count);

        var bytes = await DownloadAsync(owner, $"{remiss.Url}/sammanstallning");
        Assert.Equal(final.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(final.SizeBytes, bytes.Length);
        Assert.Equal(await StoredBytesAsync(final.StorageKey), bytes);
        using var document = new WordInspection(bytes);
        Assert.Empty(document.ValidationErrors());
        Assert.DoesNotContain(document.Paragraphs(), p => p.Text.Contains("Preliminär", StringComparison.Ordinal));
        Assert.Equal("Slutlig", document.Package.PackageProperties.ContentStatus);
        var words = string.Join(" | ", document.Paragraphs().Select(p => p.Text));
        foreach (var work in new[] { PointText, ReplyText, CommentText, "Synpunkter och bemötanden", "Bilaga: teman" })
        {
            Assert.Contains(work, words, StringComparison.Ordinal);
        }

        // Made once: the next download is the same file, not a new one made from the same data.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            using var later = await factory.SignedInAsync(Arrange.Owner);
            Assert.Equal(bytes, await DownloadAsync(later, $"{remiss.Url}/sammanstallning"));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-3));
        }
    }

    [Fact]
    public async Task Completing_tells_those_who_answered_or_declined_by_email_and_not_the_silent_ones()
    {
        var remiss = await WithWorkAsync(closed: true);
        using var owner = await factory.SignedInAsync(Arrange.Owner);

        await CompleteAsync(owner, remiss);

        var messages = await factory.InTenantAsync("malmo", (db, _) => db.Outbox.Where(m => m.Reason == EmailReason.Feedback).ToListAsync());
        var mine = messages.Where(m => remiss.Recipients.Values.Contains(m.ConcernsId)).ToList();
        Assert.Equal(
            new[] { remiss.Recipients[Arrange.Asn], remiss.Recipients[Arrange.Mkb] }.Order(),
            mine.Select(m => m.ConcernsId).Distinct().Order());
        Assert.Contains(mine, m => m.ToAddress == Arrange.AsnUser && m.ConcernsId == remiss.Recipients[Arrange.Asn]);
        Assert.Contains(mine, m => m.ToAddress == "mkb@malmo.example" && m.ConcernsId == remiss.Recipients[Arrange.Mkb]);
        Assert.DoesNotContain(mine, m => m.ToAddress == "grundskola@malmo.example");
        var email = mine.First(m => m.ToAddress == Arrange.AsnUser);
        Assert.StartsWith("Remissen är avslutad: ", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"/malmo/remisser/{remiss.Id}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("sammanställningen", email.TextBody, StringComparison.Ordinal);

        var history = await factory.InTenantAsync("malmo", (db, _) => db.AuditEntries.Where(e => e.RemissId == remiss.Id).ToListAsync());
        var feedback = Assert.Single(history, e => e.Action == AuditAction.FeedbackSent);
        Assert.Contains(Arrange.Asn, feedback.Summary, StringComparison.Ordinal);
        Assert.Contains(Arrange.Mkb, feedback.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Arrange.Grundskola, feedback.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_avslutad_remiss_shows_its_owner_no_forms_and_no_second_Avsluta()
    {
        var remiss = await WithWorkAsync(closed: true);
        using var owner = await factory.SignedInAsync(Arrange.Owner);
        await CompleteAsync(owner, remiss);

        var (_, page) = await owner.GetPageAsync(remiss.Url);

        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => Kit.Text(a) == "Avsluta remiss");
        Assert.Contains("Remissen är avslutad. Sammanställningen är slutlig", Kit.MainText(page), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("main a"), a => Kit.Text(a) == "Ladda ner sammanställning");

        // Asked again, the confirmation page goes back to the remiss; a forged post changes nothing.
        var (again, _) = await owner.GetPageAsync($"{remiss.Url}/avsluta");
        Assert.Equal(remiss.Url, again.Target());
        var before = (await Arrange.StoredAsync(factory, remiss.Id)).FinalSummary;
        var outbox = await OutboxCountAsync();
        using var post = await owner.PostFormAsync($"{remiss.Url}/avsluta", new Dictionary<string, string> { ["__RequestVerificationToken"] = await owner.TokenAsync(remiss.Url) });
        Assert.Equal(remiss.Url, post.Target());
        Assert.Equal(before, (await Arrange.StoredAsync(factory, remiss.Id)).FinalSummary);
        Assert.Equal(outbox, await OutboxCountAsync());
    }

    [Fact]
    public async Task Complete_WhenTheRemissIsNotClosed_IsRefusedOnThePage_AndNothingIsStoredOrSent()
    {
        var remiss = await WithWorkAsync(closed: false);
        using var owner = await factory.SignedInAsync(Arrange.Owner);
        var (_, details) = await owner.GetPageAsync(remiss.Url);
        Assert.DoesNotContain(details.QuerySelectorAll("main a"), a => Kit.Text(a) == "Avsluta remiss");
        var files = factory.StoredFiles().Count;
        var outbox = await OutboxCountAsync();

        var (response, page) = await owner.GetPageAsync($"{remiss.Url}/avsluta");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Refused], Kit.Errors(page));
        Assert.Empty(page.QuerySelectorAll("main form"));

        using var post = await owner.PostFormAsync($"{remiss.Url}/avsluta", new Dictionary<string, string> { ["__RequestVerificationToken"] = await owner.TokenAsync(remiss.Url) });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal([Refused], Kit.Errors(await WebSession.ParseAsync(post)));

        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Sent, stored.Status);
        Assert.Null(stored.FinalSummary);
        Assert.Equal(files, factory.StoredFiles().Count);
        Assert.Equal(outbox, await OutboxCountAsync());
    }

    [Theory]
    [InlineData(Arrange.AsnUser)]
    [InlineData("mkb@malmo.example")]
    [InlineData(Arrange.Admin)]
    [InlineData(Arrange.LundUser)]
    public async Task Complete_ByAnyoneButTheOwners_IsNotFound_AndChangesNothing(string email)
    {
        var remiss = await WithWorkAsync(closed: true);
        using var session = await factory.SignedInAsync(email);
        var token = await session.TokenAsync(email == Arrange.LundUser ? "/lund" : "/malmo");

        using var get = await session.GetAsync($"{remiss.Url}/avsluta");
        using var post = await session.PostFormAsync($"{remiss.Url}/avsluta", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Closed, stored.Status);
        Assert.Null(stored.FinalSummary);
    }

    [Fact]
    public async Task Those_who_answered_or_declined_download_the_same_final_bytes_but_only_once_it_is_avslutad()
    {
        var remiss = await WithWorkAsync(closed: true);
        using var owner = await factory.SignedInAsync(Arrange.Owner);
        using var asn = await factory.SignedInAsync(Arrange.AsnUser);
        using var mkb = await factory.SignedInAsync("mkb@malmo.example");
        using var grundskola = await factory.SignedInAsync("grundskola@malmo.example");
        using var lund = await factory.SignedInAsync(Arrange.LundUser);

        foreach (var session in new[] { asn, mkb, grundskola, lund })
        {
            using var early = await session.GetAsync($"{remiss.Url}/sammanstallning");
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        var (_, before) = await asn.GetPageAsync(remiss.Url);
        Assert.DoesNotContain(before.QuerySelectorAll("main a"), a => Kit.Text(a) == "Ladda ner sammanställning");

        await CompleteAsync(owner, remiss);
        var final = (await Arrange.StoredAsync(factory, remiss.Id)).FinalSummary!;
        var owners = await DownloadAsync(owner, $"{remiss.Url}/sammanstallning");

        foreach (var session in new[] { asn, mkb })
        {
            var (_, page) = await session.GetPageAsync(remiss.Url);
            var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner sammanställning").GetAttribute("href")!;
            var bytes = await DownloadAsync(session, link);
            Assert.Equal(owners, bytes);
            Assert.Equal(final.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        // A member of a remissinstans that never answered took no part; another tenant finds nothing.
        var (_, silent) = await grundskola.GetPageAsync(remiss.Url);
        Assert.DoesNotContain(silent.QuerySelectorAll("main a"), a => Kit.Text(a) == "Ladda ner sammanställning");
        foreach (var session in new[] { grundskola, lund })
        {
            using var response = await session.GetAsync($"{remiss.Url}/sammanstallning");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Recipients_see_no_synpunkt_bemotande_or_comment_while_the_remiss_is_sent_or_closed(bool closed)
    {
        var remiss = await WithWorkAsync(closed);
        using var asn = await factory.SignedInAsync(Arrange.AsnUser);
        var seen = new List<string>();

        foreach (var path in new[] { remiss.Url, $"{remiss.Url}/yttrande", $"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Asn]}" })
        {
            using var response = await asn.GetAsync(path);
            seen.Add(await response.Content.ReadAsStringAsync());
        }

        using (var word = await asn.GetAsync($"{remiss.Url}/yttranden/{remiss.Recipients[Arrange.Asn]}/word"))
        {
            Assert.Equal(HttpStatusCode.OK, word.StatusCode);
            using var document = new WordInspection(await word.Content.ReadAsByteArrayAsync());
            seen.Add(string.Join(" ", document.Paragraphs().Select(p => p.Text)));
        }

        using (var summary = await asn.GetAsync($"{remiss.Url}/sammanstallning"))
        {
            Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        }

        Assert.Contains(seen, s => s.Contains("Vi ser stora behov i Rosengård.", StringComparison.Ordinal));
        foreach (var secret in new[] { PointText, ReplyText, CommentText })
        {
            Assert.DoesNotContain(seen, s => s.Contains(secret, StringComparison.Ordinal) || s.Contains(System.Net.WebUtility.HtmlEncode(secret), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Complete_WhenAnotherOwnerCompletedMeanwhile_IsRefused_AndLeavesNoStrayFile()
    {
        var remiss = await WithWorkAsync(closed: true);
        var files = factory.StoredFiles().Count;

        var refusal = await factory.InTenantAsync("malmo", async (_, services) =>
        {
            var mine = (await services.GetRequiredService<RemissReader>().FindAsync(remiss.Id, CancellationToken.None))!;
            await factory.InTenantAsync("malmo", async (_, other) =>
            {
                var theirs = (await other.GetRequiredService<RemissReader>().FindAsync(remiss.Id, CancellationToken.None))!;
                return await other.GetRequiredService<RemissCompletion>().CompleteAsync(theirs, CancellationToken.None);
            });
            return await Assert.ThrowsAsync<DomainException>(() => services.GetRequiredService<RemissCompletion>().CompleteAsync(mine, CancellationToken.None));
        });

        refusal.AssertRefused(Field.Form, RefusalKey.ChangedConcurrently);
        Assert.Equal(files + 1, factory.StoredFiles().Count);
        var stored = await Arrange.StoredAsync(factory, remiss.Id);
        Assert.Equal(RemissStatus.Completed, stored.Status);
        Assert.Equal(stored.FinalSummary!.SizeBytes, (await StoredBytesAsync(stored.FinalSummary.StorageKey)).Length);
    }

    [Fact]
    public async Task Where_the_tenant_publishes_the_public_page_of_an_avslutad_remiss_offers_the_final_summary()
    {
        await PublishAsync(true);
        try
        {
            var remiss = await WithWorkAsync(closed: true);
            var publicUrl = $"/offentligt/malmo/remisser/{remiss.Id}";
            using var anonymous = factory.NewSession();
            var (_, closedPage) = await anonymous.GetPageAsync(publicUrl);
            Assert.DoesNotContain(closedPage.QuerySelectorAll("main a"), a => Kit.Text(a) == "Ladda ner sammanställning");
            using (var early = await anonymous.GetAsync($"{publicUrl}/sammanstallning"))
            {
                Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
            }

            using var owner = await factory.SignedInAsync(Arrange.Owner);
            await CompleteAsync(owner, remiss);
            var final = (await Arrange.StoredAsync(factory, remiss.Id)).FinalSummary!;

            var (_, page) = await anonymous.GetPageAsync(publicUrl);
            var link = page.QuerySelectorAll("main a").Single(a => Kit.Text(a) == "Ladda ner sammanställning").GetAttribute("href")!;
            Assert.Equal($"{publicUrl}/sammanstallning", link);
            var bytes = await DownloadAsync(anonymous, link);
            Assert.Equal(final.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

            await PublishAsync(false);
            using var unpublished = await anonymous.GetAsync(link);
            Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        }
        finally
        {
            await PublishAsync(false);
        }
    }

    private Task<ArrangedRemiss> WithWorkAsync(bool closed) => CompletionTestKit.WithWorkAsync(factory, closed);

    private static async Task CompleteAsync(WebSession owner, ArrangedRemiss remiss)
    {
        var (_, confirm) = await owner.GetPageAsync($"{remiss.Url}/avsluta");
        await owner.RedirectedToAsync(await PageForm.Of(confirm).SubmitAsync(owner, "Bekräfta och avsluta"), remiss.Url);
    }

    private static async Task<byte[]> DownloadAsync(WebSession session, string path)
    {
        using var response = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<byte[]> StoredBytesAsync(string storageKey) =>
        factory.InTenantAsync("malmo", async (db, services) =>
        {
            await using var content = await services.GetRequiredService<IFileStorage>().OpenReadAsync(db.CurrentTenantId!.Value, storageKey, CancellationToken.None);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return copy.ToArray();
        });

    private Task<int> OutboxCountAsync() => factory.InTenantAsync("malmo", (db, _) => db.Outbox.CountAsync());

    private Task<int> PublishAsync(bool publishes) =>
        factory.InTenantAsync("malmo", async (db, _) =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId)).SetPublication(publishes);
            return await db.SaveChangesAsync();
        });
}
