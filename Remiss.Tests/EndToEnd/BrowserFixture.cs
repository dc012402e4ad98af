namespace Remiss.Tests.EndToEnd;

using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// One headless Debian Chromium for all browser tests, driven by Playwright's bundled driver, and axe-core from npm
/// (installed by test.sh into Remiss.Tests/EndToEnd/node_modules). A missing browser or axe-core fails the tests:
/// CI must never pass by skipping them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string AxeSource { get; private set; } = string.Empty;

    /// <summary>Where screenshots go: TestResults/screenshots under the test run's folder.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: test.sh installs Debian's chromium (apt-get install chromium).");
        }

        var axe = FindAxe() ?? throw new InvalidOperationException("axe-core is missing: test.sh runs npm ci in Remiss.Tests/EndToEnd.");
        AxeSource = await File.ReadAllTextAsync(axe);
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh browser context (its own cookies) that trusts the test certificate of 127.0.0.1.</summary>
    /// <param name="baseAddress">The app's address.</param>
    /// <param name="consoleErrors">Collects what the browser reports as errors (a script refused by the policy, a failing script).</param>
    public async Task<IPage> NewPageAsync(Uri baseAddress, ICollection<string>? consoleErrors = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        if (consoleErrors is not null)
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add($"{page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => consoleErrors.Add($"{page.Url}: {error}");
        }

        return page;
    }

    /// <summary>Runs axe-core in the page and returns every WCAG 2.1 A/AA violation, described for a test failure.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
        await page.EvaluateAsync(AxeSource);
        var json = await page.EvaluateAsync<JsonElement>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')) })))",
            WcagTags);
        return [.. json.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — " +
            string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))];
    }

    /// <summary>Fills the sign-in page with a demo user's e-mail and the demo password, as a person would, and signs in.</summary>
    public static async Task FillSignInAsync(IPage page, string email)
    {
        await page.GetByLabel("E-post", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync("Remiss-demo-1!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static string? FindAxe()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Remiss.Tests", "EndToEnd", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
