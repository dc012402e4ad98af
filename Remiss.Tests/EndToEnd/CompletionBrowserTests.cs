namespace Remiss.Tests.EndToEnd;

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Remiss.Tests.Features.Completion;

/// <summary>
/// Avsluta remiss in a real browser: the handläggare confirms, the remissinstans that answered gets the återkoppling
/// by e-mail, follows its link and downloads the same final sammanställning, and so does anyone from the public page
/// where the tenant publishes. Every page on the way is checked with axe-core for WCAG 2.1 A and AA.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class CompletionBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly StoryApp _app = new();
    private readonly List<string> _violations = [];
    private readonly List<string> _consoleErrors = [];

    public async Task InitializeAsync() => await ((IAsyncLifetime)_app).InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_closed_remiss_is_avslutad_and_its_final_summary_reaches_the_remissinstans_and_the_public()
    {
        await _app.InTenantAsync("malmo", async (db, _) =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId)).SetPublication(true);
            return await db.SaveChangesAsync();
        });
        var remiss = await CompletionTestKit.WithWorkAsync(_app, closed: true);

        var owner = await SignInAsync("handlaggare@malmo.example");
        await owner.GotoAsync(remiss.Url);
        await CheckAsync(owner, "stangd-remiss");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Avsluta remiss", Exact = true }).ClickAsync();
        await CheckAsync(owner, "avsluta-remiss");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("saknar 1 bemötande och 1 ställningstagande");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Bekräfta och avsluta", Exact = true }).ClickAsync();
        await owner.WaitForURLAsync($"**{remiss.Url}");
        await CheckAsync(owner, "avslutad-remiss");
        await Expect(owner.GetByRole(AriaRole.Main)).ToContainTextAsync("Remissen är avslutad");
        var ownersCopy = await DownloadAsync(owner);

        var feedback = await MailAsync(m => (m.Subject ?? string.Empty).StartsWith("Remissen är avslutad", StringComparison.Ordinal) && To(m, "asn@malmo.example"));
        var link = LinkInText().Match(feedback.TextBody ?? string.Empty).Value;
        Assert.EndsWith(remiss.Url, link, StringComparison.Ordinal);
        var asn = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await asn.GotoAsync(link);
        await BrowserFixture.FillSignInAsync(asn, "asn@malmo.example");
        Assert.StartsWith(link, asn.Url, StringComparison.Ordinal);
        await CheckAsync(asn, "avslutad-remiss-for-remissinstansen");
        Assert.Equal(SHA256.HashData(ownersCopy), SHA256.HashData(await DownloadAsync(asn)));

        var visitor = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await visitor.GotoAsync($"/offentligt/malmo/remisser/{remiss.Id}");
        await CheckAsync(visitor, "offentlig-avslutad-remiss");
        Assert.Equal(SHA256.HashData(ownersCopy), SHA256.HashData(await DownloadAsync(visitor)));

        Assert.True(_violations.Count == 0, "WCAG 2.1 A/AA violations:\n" + string.Join('\n', _violations));
        Assert.True(_consoleErrors.Count == 0, "Browser errors:\n" + string.Join('\n', _consoleErrors));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"https://127\.0\.0\.1:\d+/malmo/remisser/[0-9a-f-]{36}")]
    private static partial Regex LinkInText();

    private static async Task<byte[]> DownloadAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner sammanställning", Exact = true }).ClickAsync());
        await using var content = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync(_app.Address, _consoleErrors);
        await page.GotoAsync("/konto/logga-in");
        await BrowserFixture.FillSignInAsync(page, email);
        return page;
    }

    private async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.Screenshots, $"avsluta-{name}.png"), FullPage = true });
        foreach (var violation in await browser.AccessibilityViolationsAsync(page))
        {
            _violations.Add($"{name} ({new Uri(page.Url).AbsolutePath}): {violation}");
        }
    }

    private async Task<MimeMessage> MailAsync(Func<MimeMessage, bool> which)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_app.Smtp.Received().FirstOrDefault(which) is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The återkoppling did not arrive: {string.Join(", ", _app.Smtp.Received().Select(m => $"{m.Subject} → {m.To}"))}");
        return null!;
    }
}
