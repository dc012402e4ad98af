namespace Remiss.Infrastructure.Platform;

using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Audit;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Persistence;
using Remiss.Infrastructure.Tenancy;

/// <summary>What the platform operator's form for a new customer sends.</summary>
public sealed record NewTenantInput(string? Name, string? Slug, string? TimeZoneId, string? AdminEmail, string? AdminName);

/// <summary>
/// The platform operator's actions on tenants: create one with its first tenant admin (who is invited by e-mail),
/// suspend and reactivate. Each action enters the tenant it concerns, so its log and outbox rows are that tenant's.
/// </summary>
public sealed class TenantProvisioning(
    AppDbContext db,
    TenantContext tenantContext,
    AccountLinks links,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>Creates the tenant, its admin and the admin's invitation in one transaction. Throws <see cref="DomainException"/> with every refusal.</summary>
    public async Task<Tenant> CreateAsync(NewTenantInput input, CancellationToken cancellationToken)
    {
        var errors = new List<Refusal>();
        Tenant? tenant = null;
        string? email = null;
        string? adminName = null;
        Collect(errors, () => tenant = Tenant.Create(SlugOf(input), input.Name ?? string.Empty, clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(input.TimeZoneId) ? TenantCalendar.DefaultTimeZoneId : input.TimeZoneId.Trim()));
        Collect(errors, () => email = Text.OptionalEmail(input.AdminEmail, Field.AdminEmail) ?? throw new DomainException(Field.AdminEmail, RefusalKey.Required));
        Collect(errors, () => adminName = Text.Required(input.AdminName, Field.AdminName, 200));
        if (tenant is not null && await db.Tenants.AnyAsync(t => t.Slug == tenant.Slug, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new(Field.Slug, RefusalKey.SlugTaken, tenant.Slug));
        }

        DomainException.ThrowIfAny(errors);
        if (tenant is null)
        {
            throw new InvalidOperationException("A tenant that was not refused was created.");
        }

        var current = new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId);
        tenantContext.Set(current);
        await db.InTransactionAsync(
            async _ =>
            {
                db.Tenants.Add(tenant);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                // An address that already has an account (a consultant who keeps several kommuners directories) gets an
                // access to the new tenant, not a second account.
                var admin = await links.InviteAsync(current, email!, adminName!, title: null, isAdmin: true, "Remiss plattformsdrift", tenant.CreatedAt).ConfigureAwait(false);
                audit.Record(AuditAction.TenantCreated, AuditSubjects.Tenant, tenant.Id, $"{tenant.Name} anslöts till Remiss med adressen /{tenant.Slug}.");
                audit.Record(AuditAction.UserInvited, AuditSubjects.User, admin.Id, $"{admin.DisplayName} ({email}) bjöds in som administratör.");
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
        return tenant;
    }

    /// <summary>The kortnamn typed, made into a slug, or else one made of the name: the operator need not know the rules.</summary>
    public static string SlugOf(NewTenantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Tenant.SlugFrom(string.IsNullOrWhiteSpace(input.Slug) ? input.Name : input.Slug);
    }

    public Task SuspendAsync(Guid tenantId, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, t => t.Suspend(), AuditAction.TenantSuspended, t => $"Remiss stängdes av för {t.Name}. Användarna kan inte logga in; inga uppgifter har tagits bort.", cancellationToken);

    public Task ReactivateAsync(Guid tenantId, CancellationToken cancellationToken) =>
        ChangeAsync(tenantId, t => t.Reactivate(), AuditAction.TenantReactivated, t => $"Remiss återaktiverades för {t.Name}.", cancellationToken);

    private async Task ChangeAsync(Guid tenantId, Action<Tenant> change, AuditAction action, Func<Tenant, string> summary, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(Field.Form, RefusalKey.TenantNotFound);
        change(tenant);
        tenantContext.Set(new CurrentTenant(tenant.Id, tenant.Slug, tenant.Name, tenant.TimeZoneId));
        audit.Record(action, AuditSubjects.Tenant, tenant.Id, summary(tenant));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="action"/> and keeps its refusals, each about its own field, so all are reported at once.</summary>
    private static void Collect(List<Refusal> errors, Action action)
    {
        try
        {
            action();
        }
        catch (DomainException refusal)
        {
            errors.AddRange(refusal.Refusals);
        }
    }
}
