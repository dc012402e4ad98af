namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> builder)
    {
        builder.ToTable("Recipients");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DeclineReason).HasMaxLength(4_000);
        builder.HasIndex(r => new { r.RemissId, r.OrganisationId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.OrganisationId, r.Status });

        // Every read of a remiss's recipients filters on the tenant and the remiss. With only the two indexes above,
        // SQLite's planner takes the tenant's and reads all of the tenant's recipients; this one has both.
        builder.HasIndex(r => new { r.TenantId, r.RemissId });
        builder.Ignore(r => r.Terms);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // The remissinstans is an aggregate of its own: no navigation to its remiss, only the key (decision 9).
        builder.HasOne<Remiss>().WithMany().HasForeignKey(r => r.RemissId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Extensions).WithOne().HasForeignKey(e => e.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Extensions).HasField("_extensions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(r => r.Response).WithOne().HasForeignKey<Response>(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
