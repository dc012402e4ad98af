namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Identity;

/// <summary>A person's access to a tenant; one row per account and tenant.</summary>
internal sealed class TenantAccessConfiguration : IEntityTypeConfiguration<TenantAccess>
{
    public void Configure(EntityTypeBuilder<TenantAccess> builder)
    {
        builder.ToTable("TenantAccesses");
        builder.HasKey(a => new { a.UserId, a.TenantId });
        builder.HasIndex(a => a.TenantId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
