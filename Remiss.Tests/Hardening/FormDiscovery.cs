namespace Remiss.Tests.Hardening;

using System.Net;
using AngleSharp;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Remiss.Tests.Features.Remisser;

/// <summary>A post form one user reached, and the browser that reached it.</summary>
internal sealed record DiscoveredForm(HardeningBrowser Browser, HtmlForm Form)
{
    public override string ToString() => $"{Browser.Name} {Form.Action}";

    /// <summary>Posts that end what the other forms work on (close, withdraw, delete, decline, send, sign out): tried after the rest.</summary>
    public bool IsTerminal(FormButton button) => Terminal().IsMatch(button.Action);

    private static Regex Terminal() => TerminalPattern.Value;

    private static readonly Lazy<Regex> TerminalPattern = new(() => new Regex(
        "handler=(Decline|Submit|Send|Suspend|Deactivate|Retire|Reopen)|/avsta|/skicka|/avsluta|/stang|/aterkalla|/ta-bort|/logga-ut",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}

/// <summary>A page one user reached.</summary>
internal sealed record DiscoveredPage(HardeningBrowser Browser, string Path);

/// <summary>
/// Walks the app as each demo user, following the links of every page from where the user lands, and collects every
/// post form (one of each shape: the same page of another remiss is the same form). Downloads are not walked.
/// </summary>
internal static partial class FormDiscovery
{
    private const int PagesPerUser = 70;
    private const int PagesPerShape = 2;

    public static async Task<(IReadOnlyList<DiscoveredForm> Forms, IReadOnlyList<DiscoveredPage> Pages, IReadOnlyList<string> Failures)> DiscoverAsync(HardeningAppFactory factory)
    {
        var forms = new List<DiscoveredForm>();
        var pages = new List<DiscoveredPage>();
        var failures = new List<string>();

        // The forms that decide an anstånd are on the remiss page only while one is pending. Once the walk has
        // withdrawn a remiss, none can be asked for and those forms are simply not there.
        await factory.EnsurePendingExtensionAsync("malmo");
        await factory.EnsurePendingExtensionAsync("lund");
        var lund = factory.Lund;
        var starts = new Dictionary<string, string[]>
        {
            // Choosing a password is reached by the link of an invitation e-mail, not by a link of the app.
            [HardeningAppFactory.Anonymous] = ["/", "/konto/logga-in", "/konto/glomt-losenord", factory.SetPasswordPath],
            // The anstånd and avstå pages are reached by buttons of the yttrande form, not by links.
            [HardeningAppFactory.Recipient] = ["/malmo", $"/malmo/remisser/{factory.DemoId}/yttrande", $"/malmo/remisser/{factory.DemoId}/yttrande/anstand", $"/malmo/remisser/{factory.DemoId}/yttrande/avsta"],
            [HardeningAppFactory.Admin] = ["/malmo", "/malmo/admin"],
            [HardeningAppFactory.Operator] = ["/plattform"],
            [HardeningAppFactory.Owner] = ["/malmo", $"/malmo/remisser/{factory.DemoId}", $"{factory.Draft.Url}/redigera"],

            // The second tenant's forms, by its own users.
            [HardeningAppFactory.LundRecipient] = ["/lund", $"/lund/remisser/{lund.RemissId}/yttrande", $"/lund/remisser/{lund.RemissId}/yttrande/anstand", $"/lund/remisser/{lund.RemissId}/yttrande/avsta"],
            [HardeningAppFactory.LundAdmin] = ["/lund", "/lund/admin"],
            [HardeningAppFactory.LundOwner] = ["/lund", $"/lund/remisser/{lund.RemissId}", $"/lund/remisser/{lund.DraftId}/redigera"],
        };
        foreach (var (user, paths) in starts)
        {
            var browser = await factory.BrowserAsync(user);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
            var formShapes = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(paths);
            while (queue.Count > 0 && seen.Count < PagesPerUser)
            {
                var path = queue.Dequeue();
                var shape = Ids().Replace(path.Split('?')[0], "{id}");
                if (!seen.Add(path) || (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > PagesPerShape)
                {
                    continue;
                }

                using var response = await browser.GetRawAsync(path);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{browser.Name} GET {path}: {(int)response.StatusCode}");
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var page = await AngleSharpParsing.ParseDocumentAsync(await response.Content.ReadAsStringAsync(), new Uri(browser.BaseAddress, path));
                pages.Add(new DiscoveredPage(browser, path));
                foreach (var form in HtmlForm.All(page))
                {
                    if (formShapes.Add(form.Shape))
                    {
                        forms.Add(new DiscoveredForm(browser, form));
                    }
                }

                foreach (var link in Links(page))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return (forms, pages, failures);
    }

    private static IEnumerable<string> Links(IHtmlDocument page)
    {
        var address = new Uri(page.Url);
        foreach (var anchor in page.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!;
            if (!Uri.TryCreate(address, href, out var target) || target.Host != address.Host || anchor.HasAttribute("download"))
            {
                continue;
            }

            var path = target.PathAndQuery;
            if (path.StartsWith("/konto/logga-ut", StringComparison.Ordinal) || Download().IsMatch(path))
            {
                continue;
            }

            yield return path;
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("/sammanstallning|/word$|/bilagor/|format=csv|\\.(css|js|png|svg|ico|docx|pdf)$", RegexOptions.IgnoreCase)]
    private static partial Regex Download();
}

/// <summary>Parses HTML with the page's address, so relative actions resolve as in a browser.</summary>
internal static class AngleSharpParsing
{
    public static async Task<IHtmlDocument> ParseDocumentAsync(string html, Uri address)
    {
        var context = AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(address));
    }
}
