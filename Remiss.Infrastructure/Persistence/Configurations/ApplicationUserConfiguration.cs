namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Identity;

/// <summary>Identity's user with Remiss's additions. Not tenant-filtered: see docs/decisions/0001-tenancy.md.</summary>
internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Title).HasMaxLength(200);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.LastTenantId).OnDelete(DeleteBehavior.SetNull);

        // E-mail addresses are unique across the service: one sign-in page leads everyone to their tenants.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
