namespace Remiss.Infrastructure.Persistence;

using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Remiss.Domain.Audit;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Identity;
using Remiss.Infrastructure.Tenancy;

/// <summary>
/// The one context: the domain's tables and Identity's together, so one transaction covers both. Every
/// tenant-owned entity gets the named query filter <see cref="TenantFilter"/>, which reads the tenant from
/// this instance's <see cref="ITenantContext"/> at query time — never a captured value.
/// The provider-specific subclasses exist only to give each provider its own migrations.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    private readonly ITenantContext _tenantContext;

    protected AppDbContext(DbContextOptions options, ITenantContext tenantContext)
        : base(options) => _tenantContext = tenantContext;

    /// <summary>The tenant the filters and the save checks use; null means no tenant rows are visible.</summary>
    public Guid? CurrentTenantId => _tenantContext.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<TenantAccess> TenantAccesses => Set<TenantAccess>();

    public DbSet<IdentityProvider> IdentityProviders => Set<IdentityProvider>();

    public DbSet<Remiss> Remisser => Set<Remiss>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<Extension> Extensions => Set<Extension>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<RaisedPoint> RaisedPoints => Set<RaisedPoint>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<QuestionComment> QuestionComments => Set<QuestionComment>();

    public DbSet<LateDigest> LateDigests => Set<LateDigest>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Email.OutboxMessage> Outbox => Set<Email.OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        var applyFilter = typeof(AppDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.Instance | BindingFlags.NonPublic)!;
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && !t.IsOwned() && typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            applyFilter.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, ITenantOwned
    {
        Expression<Func<TEntity, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<TEntity>().HasQueryFilter(TenantFilter, filter);
    }
}
