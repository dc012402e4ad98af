namespace Remiss.Infrastructure.Demo;

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// Seeds the demo of domain.md into an empty database: Malmö stad with Stadskontoret and the fifteen
/// recipients of STK-2023-137, Lunds kommun with a few organisations, a user for each role, and the remiss
/// STK-2023-137 as a draft ready to send. Does nothing when any tenant exists.
/// </summary>
public sealed class DemoDataSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private static readonly string[] MalmoBolag = ["MKB", "Parkering Malmö", "Parkeringsövervakning i Malmö AB"];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                {
                    Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }).ConfigureAwait(false));
                }
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await SeedMalmoAsync(now, cancellationToken).ConfigureAwait(false);
        await SeedLundAsync(now, cancellationToken).ConfigureAwait(false);
        await SeedOperatorAsync(now).ConfigureAwait(false);
        logger.LogInformation("Demo data seeded: tenants malmo and lund, {Count} demo users.", DemoUsers.All.Count);
        return true;
    }

    /// <summary>The demo's sista svarsdag: the seed's 30 November, in the first year where it is at least three weeks away.</summary>
    public static DateOnly DemoDeadline(DateOnly today)
    {
        var deadline = new DateOnly(today.Year, 11, 30);
        while (deadline.DayNumber - today.DayNumber < Remiss.ShortNoticeDays)
        {
            deadline = deadline.AddYears(1);
        }

        return deadline;
    }

    private async Task SeedMalmoAsync(DateTime now, CancellationToken cancellationToken)
    {
        var text = DemoRemissText.Load();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tenant = Tenant.Create("malmo", "Malmö stad", now);
        Enter(scope, tenant);
        db.Tenants.Add(tenant);

        var stadskontoret = Organisation.Create(tenant.Id, "Stadskontoret", OrganisationKind.Forvaltning, "stadskontoret@malmo.example");
        var recipients = text.Recipients
            .Select(name => Organisation.Create(
                tenant.Id,
                name,
                MalmoBolag.Contains(name) ? OrganisationKind.Bolag : OrganisationKind.Namnd,
                $"{MailboxName(name)}@malmo.example"))
            .ToList();
        db.Organisations.Add(stadskontoret);
        db.Organisations.AddRange(recipients);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        Organisation Named(string name) => recipients.Single(o => o.Name == name);
        var owner = await CreateUserAsync(scope, tenant, "handlaggare@malmo.example", [stadskontoret], null, now).ConfigureAwait(false);
        await CreateUserAsync(scope, tenant, "asn@malmo.example", [Named("Arbetsmarknads- och socialnämnden")], null, now).ConfigureAwait(false);
        await CreateUserAsync(scope, tenant, "grundskola@malmo.example", [Named("Grundskolenämnden")], null, now).ConfigureAwait(false);
        await CreateUserAsync(scope, tenant, "mkb@malmo.example", [Named("MKB")], null, now).ConfigureAwait(false);
        await CreateUserAsync(scope, tenant, "admin@malmo.example", [], Roles.TenantAdmin, now).ConfigureAwait(false);

        var today = tenant.Calendar().Today(now);
        var remiss = Remiss.CreateDraft(stadskontoret, text.Title, owner.Id, now);
        remiss.UpdateDetails(text.Title, text.Diarienummer, text.DescriptionHtml, DemoDeadline(today), today, text.ContactName, "mia.idestrom@malmo.example");
        remiss.AddQuestion(QuestionDefinition.FreeText(text.Questions[0], required: true));
        remiss.AddQuestion(QuestionDefinition.FreeText(text.Questions[1]));
        remiss.AddQuestion(QuestionDefinition.PositionOn(text.Questions[2], required: true));
        remiss.AddQuestion(QuestionDefinition.ChoiceOfOrganisations(text.Questions[3]));
        var remissinstanser = recipients.Select(o => remiss.AddRecipient(o)).ToList();
        db.Remisser.Add(remiss);
        db.Recipients.AddRange(remissinstanser);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SeedLundAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tenant = Tenant.Create("lund", "Lunds kommun", now);
        Enter(scope, tenant);
        db.Tenants.Add(tenant);

        var kommunledningskontoret = Organisation.Create(tenant.Id, "Kommunledningskontoret", OrganisationKind.Forvaltning, "kommunledningskontoret@lund.example");
        var others = new[]
        {
            Organisation.Create(tenant.Id, "Tekniska nämnden", OrganisationKind.Namnd, "tekniska.namnden@lund.example"),
            Organisation.Create(tenant.Id, "Miljönämnden", OrganisationKind.Namnd, "miljonamnden@lund.example"),
            Organisation.Create(tenant.Id, "Utbildningsnämnden", OrganisationKind.Namnd, "utbildningsnamnden@lund.example"),
            Organisation.Create(tenant.Id, "Lunds kommuns fastighets AB", OrganisationKind.Bolag, "lkf@lund.example"),
        };
        db.Organisations.Add(kommunledningskontoret);
        db.Organisations.AddRange(others);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var owner = await CreateUserAsync(scope, tenant, "handlaggare@lund.example", [kommunledningskontoret], null, now).ConfigureAwait(false);
        var remiss = Remiss.CreateDraft(kommunledningskontoret, "Förslag till ny avfallsplan för Lunds kommun", owner.Id, now);
        remiss.UpdateDetails(
            "Förslag till ny avfallsplan för Lunds kommun",
            "KS 2026/0412",
            "<p>Kommunledningskontoret remitterar förslaget till ny avfallsplan.</p>",
            DemoDeadline(tenant.Calendar().Today(now)), tenant.Calendar().Today(now));
        remiss.AddQuestion(QuestionDefinition.PositionOn("Tillstyrker ni förslaget till avfallsplan?", required: true));
        remiss.AddQuestion(QuestionDefinition.FreeText("Vilka åtgärder i planen berör er verksamhet?"));
        var remissinstanser = others.Select(o => remiss.AddRecipient(o)).ToList();
        db.Remisser.Add(remiss);
        db.Recipients.AddRange(remissinstanser);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SeedOperatorAsync(DateTime now)
    {
        await using var scope = scopes.CreateAsyncScope();
        await CreateUserAsync(scope, null, "operator@remiss.example", [], Roles.PlatformAdmin, now).ConfigureAwait(false);
    }

    private static async Task<ApplicationUser> CreateUserAsync(
        AsyncServiceScope scope, Tenant? tenant, string email, IReadOnlyList<Organisation> organisations, string? role, DateTime now)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var (_, name, _) = DemoUsers.All.Single(u => u.Email == email);
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LastTenantId = tenant?.Id,
            DisplayName = name,
            CreatedAt = now,
        };
        Check(await users.CreateAsync(user, DemoOptions.Password).ConfigureAwait(false));
        if (role == Roles.PlatformAdmin)
        {
            Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false));
        }

        if (tenant is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Demo accounts have their password already: not "Inbjuden" in the administrator's list.
            var access = TenantAccess.Grant(user.Id, tenant.Id, isAdmin: role == Roles.TenantAdmin, now);
            access.FirstUsedAt = now;
            db.TenantAccesses.Add(access);
            db.Memberships.AddRange(organisations.Select(o => Membership.Create(o, user.Id)));
            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        return user;
    }

    private static void Enter(AsyncServiceScope scope, Tenant tenant) =>
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));

    /// <summary>"Hälsa-, vård- och omsorgsnämnden" → "halsa-vard-och-omsorgsnamnden".</summary>
    private static string MailboxName(string name)
    {
        var ascii = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                ascii.Append(c);
            }
            else if ((c == ' ' || c == '-') && ascii.Length > 0 && ascii[^1] != '-')
            {
                ascii.Append('-');
            }
        }

        return ascii.ToString().Trim('-');
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
