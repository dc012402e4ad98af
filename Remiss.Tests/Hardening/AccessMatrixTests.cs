namespace Remiss.Tests.Hardening;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Domain.Audit;
using Remiss.Tests.TestSupport;
using Xunit.Abstractions;

/// <summary>
/// Every Razor Page route and handler of the app, read from its endpoints, tried with GET or POST (with a valid
/// antiforgery token) by anonymous, every role of malmo and lund and the platform operator, with their own ids,
/// the other tenant's ids under their own slug, and the other tenant's slug. The answers must be those of
/// <see cref="AccessMatrix"/>, and no post may change the other tenant's data.
/// </summary>
public sealed partial class AccessMatrixTests(MatrixAppFactory factory, ITestOutputHelper output) : IClassFixture<MatrixAppFactory>
{
    private static readonly (string Email, string Tenant, RoleKind Kind)[] Users =
    [
        ("handlaggare@malmo.example", "malmo", RoleKind.Owner),
        ("asn@malmo.example", "malmo", RoleKind.Recipient),
        ("mkb@malmo.example", "malmo", RoleKind.OtherRecipient),
        ("admin@malmo.example", "malmo", RoleKind.Admin),
        ("handlaggare@lund.example", "lund", RoleKind.Owner),
        ("sekreterare@lund.example", "lund", RoleKind.Recipient),
        ("lkf@lund.example", "lund", RoleKind.OtherRecipient),
        ("admin@lund.example", "lund", RoleKind.Admin),
        ("operator@remiss.example", "malmo", RoleKind.Operator),
        (MatrixAppFactory.TwoTenantPerson, "malmo", RoleKind.Recipient),
        (MatrixAppFactory.TwoTenantPerson, "lund", RoleKind.Recipient),
    ];

    private readonly List<Caller> _callers = [];

    [Fact]
    public async Task EveryPageAndHandlerOfTheApp_HasARowInTheMatrix_AndEveryRowAPage()
    {
        var keys = (await EndpointsAsync()).Where(e => !e.WithoutHandler).Select(e => e.Key).ToHashSet();

        var missing = keys.Where(k => !AccessMatrix.Rows.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = AccessMatrix.Rows.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Pages or handlers without a row in AccessMatrix.Rows:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Rows of AccessMatrix.Rows without a page or handler:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task EveryRouteAndHandler_AsEveryRoleOfBothTenants_AnswersAsTheMatrixSays_AndChangesNothingOfTheOtherTenant()
    {
        var watch = Stopwatch.StartNew();
        var endpoints = (await EndpointsAsync()).Where(e => AccessMatrix.Rows.ContainsKey(e.RowKey)).ToList();
        var failures = new List<string>();
        var cells = 0;

        using var anonymous = factory.NewSession();
        var sessions = new List<Caller> { new(null, "anonymous", "malmo", RoleKind.Anonymous, anonymous) };
        try
        {
            foreach (var (email, tenant, kind) in Users)
            {
                var name = Users.Count(u => u.Email == email) > 1 ? $"{email} in {tenant}" : email;
                sessions.Add(new Caller(email, name, tenant, kind, await SignedInAsync(email)) { Tenants = [.. Users.Where(u => u.Email == email).Select(u => u.Tenant)] });
            }

            _callers.AddRange(sessions);

            foreach (var caller in sessions)
            {
                caller.Token = await TokenAsync(caller);
            }

            // Phase 1: anonymous, the operator, and every attempt on the other tenant's ids. Nothing of either tenant may change.
            var before = await SnapshotAsync("malmo") + await SnapshotAsync("lund");
            foreach (var caller in sessions.Where(c => c.Kind is RoleKind.Anonymous or RoleKind.Operator))
            {
                cells += await RunAsync(caller, endpoints, [IdCase.Own], failures);
            }

            // The person of both tenants may open the other tenant's pages with its ids: that is their own access there,
            // tried in phases 2 and 3. Here: the other tenant's ids under this tenant's slug, which no access opens.
            foreach (var caller in sessions.Where(c => c.Kind is not (RoleKind.Anonymous or RoleKind.Operator)))
            {
                cells += await RunAsync(caller, endpoints, caller.Tenants.Count > 1 ? [IdCase.OtherIds] : [IdCase.OtherIds, IdCase.OtherTenant], failures);
            }

            var after = await SnapshotAsync("malmo") + await SnapshotAsync("lund");
            if (before != after)
            {
                failures.Add($"Anonymous, operator or cross-tenant requests changed data:\n{Difference(before, after)}");
            }

            // Phase 2 and 3: each tenant's users on their own ids; the other tenant stays as it was.
            foreach (var (tenant, other) in new[] { ("malmo", "lund"), ("lund", "malmo") })
            {
                var otherBefore = await SnapshotAsync(other);
                var ownBefore = await SnapshotAsync(tenant);
                foreach (var caller in sessions.Where(c => c.Tenant == tenant && c.Kind is not (RoleKind.Anonymous or RoleKind.Operator)))
                {
                        cells += await RunAsync(caller, endpoints, [IdCase.Own, IdCase.OtherRecipientIds, IdCase.OtherFileIds], failures);
                }

                var otherAfter = await SnapshotAsync(other);
                if (ownBefore == await SnapshotAsync(tenant))
                {
                    failures.Add($"The posts of {tenant}'s own users changed nothing of {tenant}: they did not reach their handlers.");
                }

                if (otherBefore != otherAfter)
                {
                    failures.Add($"Posts of {tenant}'s users changed {other}'s data:\n{Difference(otherBefore, otherAfter)}");
                }
            }

            cells += await EmailLinksAsync(sessions, failures);
            foreach (var caller in sessions)
            {
                foreach (var (path, access) in AccessMatrix.OtherEndpoints)
                {
                    using var response = await caller.Session.GetAsync(path);
                    cells++;
                    var expected = AccessMatrix.Expected(access, caller.Kind, IdCase.Own);
                    if (!Matches(expected, response))
                    {
                        failures.Add($"GET {path} as {caller.Name}: {(int)response.StatusCode} {response.Headers.Location}, expected {expected}.");
                    }
                }
            }
        }
        finally
        {
            foreach (var caller in sessions.Skip(1))
            {
                caller.Session.Dispose();
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Access matrix: {endpoints.Count} routes and handlers, {sessions.Count} callers, {cells} route × role × case cells tried in {watch.Elapsed.TotalSeconds:0.0} s."));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells answered what the matrix does not expect:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task APostToADownloadPage_WhichTakesNoPost_IsRefusedWith405_AndSendsNoFile()
    {
        var malmo = factory.Ids["malmo"];
        using var owner = await SignedInAsync("handlaggare@malmo.example");
        var token = await TokenAsync(new Caller("handlaggare@malmo.example", "owner", "malmo", RoleKind.Owner, owner));

        using var response = await owner.PostFormAsync($"/malmo/remisser/{malmo.RemissId}/sammanstallning", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    /// <summary>Tries every endpoint as <paramref name="caller"/> in each case; returns the number of cells tried.</summary>
    private async Task<int> RunAsync(Caller caller, IReadOnlyList<PageEndpoint> endpoints, IdCase[] cases, List<string> failures)
    {
        var cells = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var idCase in cases)
            {
                if (!Applies(endpoint, idCase))
                {
                    continue;
                }

                var other = caller.Tenant == "malmo" ? "lund" : "malmo";
                var slug = idCase == IdCase.OtherTenant ? other : caller.Tenant;
                var ids = idCase switch
                {
                    IdCase.Own => factory.Ids[caller.Tenant],
                    IdCase.OtherRecipientIds => factory.Ids[caller.Tenant].WithRecipientOf(factory.Ids[other]),
                    IdCase.OtherFileIds => factory.Ids[caller.Tenant].WithFilesOf(factory.Ids[other]),
                    _ => factory.Ids[other],
                };
                var path = endpoint.PathFor(slug, ids, factory.SpareTenantId);
                var expected = endpoint.WithoutHandler
                    ? AccessMatrix.ExpectedWithoutHandler(AccessMatrix.Rows[endpoint.RowKey], caller.Kind, idCase)
                    : AccessMatrix.Expected(AccessMatrix.Rows[endpoint.RowKey], caller.Kind, idCase);
                using var response = endpoint.Method == "GET"
                    ? await caller.Session.GetAsync(path)
                    : await caller.Session.PostFormAsync(path, endpoint.FormFor(ids, caller.Token));
                cells++;
                if (!Matches(expected, response))
                {
                    failures.Add($"{endpoint.Method} {path} as {caller.Name} ({idCase}, row {endpoint.RowKey}{(endpoint.WithoutHandler ? ", no post handler" : string.Empty)}): {(int)response.StatusCode} {response.Headers.Location}, expected {expected}.");
                }

                // Signing out ends every session of the account: the same person's session in the other tenant too.
                if (endpoint.Key == "POST /konto/logga-ut" && caller.Email is { } email)
                {
                    foreach (var same in _callers.Where(c => c.Email == email).Append(caller).Distinct())
                    {
                        same.Session.Dispose();
                        same.Session = await SignedInAsync(email);
                        same.Token = await TokenAsync(same);
                    }
                }
            }
        }

        return cells;
    }

    private static bool Applies(PageEndpoint endpoint, IdCase idCase) => idCase switch
    {
        IdCase.Own => true,
        IdCase.OtherTenant => endpoint.TakesTenant,
        IdCase.OtherIds => endpoint.TakesTenant && endpoint.TakesIds,
        IdCase.OtherRecipientIds => endpoint.TakesTenant && endpoint.TakesRecipient,
        IdCase.OtherFileIds => endpoint.TakesTenant && endpoint.TakesFile,
        _ => false,
    };

    /// <summary>The links in every e-mail a tenant queued follow the same rules: its users may follow them, nobody else finds anything.</summary>
    private async Task<int> EmailLinksAsync(IReadOnlyList<Caller> callers, List<string> failures)
    {
        var cells = 0;
        foreach (var tenant in new[] { "malmo", "lund" })
        {
            var bodies = await factory.InTenantAsync(tenant, (db, _) => db.Outbox.Select(m => m.TextBody).ToListAsync());
            var links = bodies.SelectMany(b => Link().Matches(b).Select(m => new Uri(m.Value).PathAndQuery)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(links);
            foreach (var caller in callers)
            {
                foreach (var link in links)
                {
                    using var response = await caller.Session.GetAsync(link);
                    cells++;
                    var status = (int)response.StatusCode;
                    var fine = caller.Kind == RoleKind.Anonymous ? Matches(Outcome.SignIn, response)
                        : !caller.Tenants.Contains(tenant) || caller.Kind == RoleKind.Operator ? status == 404
                        : status is 200 or 302 or 404;
                    if (!fine)
                    {
                        failures.Add($"E-mail link {link} of {tenant} as {caller.Name}: {status} {response.Headers.Location}.");
                    }
                }
            }
        }

        return cells;
    }

    private static bool Matches(Outcome expected, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var redirect = status is 301 or 302 or 303 or 307 or 308;
        var toSignIn = redirect && location.Contains("/konto/logga-in", StringComparison.Ordinal);
        var toDenied = redirect && location.Contains("/konto/nekad", StringComparison.Ordinal);
        return expected switch
        {
            Outcome.Ok => status == 200 || (redirect && !toSignIn && !toDenied),
            Outcome.Public => status == 200 || redirect,
            Outcome.NotFound => status == 404,
            Outcome.SignIn => toSignIn,
            Outcome.Denied => status == 403 || toDenied,
            Outcome.MethodNotAllowed => status == 405,
            Outcome.Unauthorized => status == 401 || toSignIn,
            _ => false,
        };
    }

    private async Task<WebSession> SignedInAsync(string email)
    {
        var session = factory.NewSession();
        var (response, _) = await session.SignInAsync(email);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} could not sign in: {(int)response.StatusCode}");
        return session;
    }

    /// <summary>An antiforgery token from a real page of the caller's session: the sign-out form in the header, or the sign-in form.</summary>
    private static async Task<string> TokenAsync(Caller caller)
    {
        var path = caller.Kind switch
        {
            RoleKind.Anonymous => "/konto/logga-in",
            RoleKind.Operator => "/plattform",
            _ => $"/{caller.Tenant}",
        };
        var (response, page) = await caller.Session.GetPageAsync(path);
        response.Dispose();
        return (page.QuerySelector("form input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {path} for {caller.Name}.");
    }

    /// <summary>Everything of a tenant that a post could change, one line per row.</summary>
    private Task<string> SnapshotAsync(string slug) =>
        factory.InTenantAsync(slug, async (db, _) =>
        {
            var lines = new List<string>();
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
            lines.Add($"{slug} tenant {tenant.Name} suspended={tenant.IsSuspended} publishes={tenant.PublishesSubmittedResponses} sections={string.Join('/', tenant.StandardSections)} template={tenant.DocumentTemplate?.FileName}");
            lines.AddRange((await db.Remisser.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
                .Select(r => $"{slug} remiss {r.Id} {r.Status} v{r.Version} {r.Deadline} {r.Title} questions={r.Questions.Count} attachments={r.Attachments.Count}"));
            lines.AddRange((await db.Recipients.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
                .Select(r => $"{slug} recipient {r.Id} {r.Status} {r.ExtendedDeadline} {r.SubmittedAt:O} {r.DeclinedAt:O}"));
            lines.AddRange((await db.Responses.AsNoTracking().ToListAsync()).OrderBy(r => r.Version)
                .Select(r => $"{slug} response v{r.Version} {r.LastSavedAt:O} attachments={r.Attachments.Count}"));
            lines.AddRange((await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync())
                .Select(o => $"{slug} organisation {o.Id} {o.Name} retired={o.IsRetired}"));
            lines.AddRange((await (
                        from a in db.TenantAccesses.AsNoTracking()
                        where a.TenantId == db.CurrentTenantId
                        join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                        orderby u.Email
                        select new { u.Email, a.IsActive, a.IsAdmin, u.DisplayName }).ToListAsync())
                .Select(u => $"{slug} user {u.Email} active={u.IsActive} admin={u.IsAdmin} {u.DisplayName}"));
            // What the person of both tenants does to their own account (signing in and out of it) is logged in both
            // tenants by design (decision 0011): those lines are theirs, not a post of one tenant reaching the other.
            var person = await db.Users.Where(u => u.Email == MatrixAppFactory.TwoTenantPerson).Select(u => u.Id).SingleAsync();
            var ownAccount = new[] { AuditAction.SignedIn, AuditAction.SignInFailed, AuditAction.PasswordSet, AuditAction.TwoFactorEnabled, AuditAction.TwoFactorDisabled, AuditAction.RecoveryCodesRenewed };
            var audit = await db.AuditEntries.CountAsync(e => !(e.ActorId == person && ownAccount.Contains(e.Action)));
            lines.Add($"{slug} counts memberships={await db.Memberships.CountAsync()} extensions={await db.Extensions.CountAsync()} answers={await db.Answers.CountAsync()} attachments={await db.Attachments.CountAsync()} audit={audit}");
            lines.AddRange((await db.Outbox.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.State }).ToListAsync())
                .Select(m => $"{slug} outbox {m.Id} {m.State}"));
            return string.Join('\n', lines) + '\n';
        });

    private static string Difference(string before, string after)
    {
        var old = before.Split('\n').ToHashSet();
        var now = after.Split('\n').ToHashSet();
        var text = new StringBuilder();
        foreach (var line in old.Except(now))
        {
            text.Append("  - ").AppendLine(line);
        }

        foreach (var line in now.Except(old))
        {
            text.Append("  + ").AppendLine(line);
        }

        return text.ToString();
    }

    /// <summary>Every page route and handler, from the endpoint data source and the compiled pages' handler methods.</summary>
    private async Task<List<PageEndpoint>> EndpointsAsync()
    {
        factory.StartServer();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var found = new List<PageEndpoint>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            if (compiled.HandlerMethods.Count == 0)
            {
                found.Add(new PageEndpoint(route, "GET", null, []));
                continue;
            }

            found.AddRange(compiled.HandlerMethods.Select(h => new PageEndpoint(
                route,
                h.HttpMethod.ToUpperInvariant(),
                string.IsNullOrEmpty(h.Name) ? null : h.Name,
                [.. h.Parameters.Where(p => p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)).Select(p => p.Name)])));
        }

        // A post to a page that takes none must be as safe as its GET: it runs no handler, but it renders the page.
        var posted = found.Where(e => e.Method == "POST").Select(e => e.Route).ToHashSet();
        found.AddRange(found.Where(e => e.Method == "GET" && e.Handler is null && !posted.Contains(e.Route)).Select(e => e with { Method = "POST", WithoutHandler = true }).ToList());
        return [.. found.DistinctBy(e => e.Key)];
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();

    private sealed class Caller(string? email, string name, string tenant, RoleKind kind, WebSession session)
    {
        public string? Email => email;

        public string Name => name;

        public string Tenant => tenant;

        public RoleKind Kind => kind;

        public WebSession Session { get; set; } = session;

        /// <summary>The tenants the caller's account has access to (two for the person of both tenants).</summary>
        public IReadOnlyList<string> Tenants { get; init; } = [tenant];

        public string Token { get; set; } = string.Empty;
    }
}

/// <summary>One route and handler of a page: how to address it with a tenant's ids.</summary>
internal sealed partial record PageEndpoint(string Route, string Method, string? Handler, IReadOnlyList<string> GuidParameters)
{
    /// <summary>A post to a page without a post handler: its row is the page's GET row.</summary>
    public bool WithoutHandler { get; init; }

    public string Key => $"{Method} {Route}{(Handler is null ? string.Empty : $"?handler={Handler}")}";

    /// <summary>The matrix row that decides this endpoint's answers.</summary>
    public string RowKey => WithoutHandler ? $"GET {Route}" : Key;

    public bool TakesTenant => Route.Contains("{tenant}", StringComparison.Ordinal);

    /// <summary>Ids in the route or among the handler's parameters (form fields): the cases with the other tenant's ids apply.</summary>
    public bool TakesIds => Route.Contains(":guid", StringComparison.Ordinal) || GuidParameters.Count > 0;

    /// <summary>A recipient below the remiss: in the route, in <c>?for=</c>, or in the form (with its anstånd).</summary>
    public bool TakesRecipient => RecipientInAddress || GuidParameters.Any(p => p is "recipientId" or "extensionId");

    /// <summary>A bilaga or an outbox message: in the route or in the form.</summary>
    public bool TakesFile => FileInAddress || GuidParameters.Any(p => p is "attachmentId" or "messageId");

    private bool RecipientInAddress => Route.Contains("{recipientId", StringComparison.Ordinal) || IsYttrandeForm;

    private bool FileInAddress => Route.Contains("{attachmentId", StringComparison.Ordinal);

    /// <summary>The pages of a draft: the matrix points them at each tenant's draft, not at its sent remiss.</summary>
    private bool IsAboutADraft => Route.EndsWith("/redigera", StringComparison.Ordinal) || Route.EndsWith("/skicka", StringComparison.Ordinal) || Route.EndsWith("/forhandsgranska", StringComparison.Ordinal);

    private bool IsYttrandeForm => Route.Contains("/yttrande", StringComparison.Ordinal) && !Route.Contains("/yttranden/", StringComparison.Ordinal);

    public string PathFor(string slug, TenantIds ids, Guid spareTenant)
    {
        var path = Parameter().Replace(Route, m => m.Groups[1].Value switch
        {
            "tenant" or "slug" => slug,
            "code" => "404",
            "number" => "1",
            "recipientId" => ids.RecipientId.ToString(),
            "attachmentId" => AttachmentId(ids).ToString(),
            "id" when IsAboutADraft => ids.DraftId.ToString(),
            "id" when Route.StartsWith("/{tenant}/remisser/", StringComparison.Ordinal) || Route.StartsWith("/offentligt/", StringComparison.Ordinal) => ids.RemissId.ToString(),
            "id" when Route.StartsWith("/{tenant}/admin/organisationer/", StringComparison.Ordinal) => ids.OrganisationId.ToString(),
            "id" when Route.StartsWith("/{tenant}/admin/anvandare/", StringComparison.Ordinal) => ids.UserId.ToString(),
            "id" when Route.StartsWith("/plattform/kunder/", StringComparison.Ordinal) => spareTenant.ToString(),
            var name => throw new InvalidOperationException($"The matrix does not know which id to put in {{{name}}} of {Route}: add it to PageEndpoint.PathFor."),
        });
        var query = new List<string>();
        if (IsYttrandeForm)
        {
            query.Add($"for={ids.RecipientId}");
        }

        if (Handler is not null)
        {
            query.Add($"handler={Handler}");
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>The antiforgery token and every id a handler may take from the form, all of <paramref name="ids"/>' tenant.</summary>
    public Dictionary<string, string> FormFor(TenantIds ids, string token) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["recipientId"] = ids.RecipientId.ToString(),
        ["attachmentId"] = AttachmentId(ids).ToString(),
        ["messageId"] = ids.OutboxMessageId.ToString(),
        ["extensionId"] = ids.ExtensionId.ToString(),
        ["index"] = "0",
    };

    private Guid AttachmentId(TenantIds ids) =>
        Route.Contains("/yttrande", StringComparison.Ordinal) ? ids.ResponseAttachmentId
        : IsAboutADraft ? ids.DraftAttachmentId
        : ids.RemissAttachmentId;

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}
