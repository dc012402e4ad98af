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
        builder.Property(r => r.RemissId).HasColumnName(nameof(Recipient.RemissId));
        builder.Property(r => r.OrganisationId).HasColumnName(nameof(Recipient.OrganisationId));
        builder.HasIndex(r => new { r.TenantId, r.OrganisationId, r.Status });

        // Every read of a remiss's recipients filters on the tenant and the remiss. With only the two indexes above,
        // SQLite's planner takes the tenant's and reads all of the tenant's recipients; this one has both.
        builder.HasIndex(r => new { r.TenantId, r.RemissId });
        builder.Ignore(r => r.Terms);

        // The remissinstans shares its row with the remiss's entry for it (table splitting): the remiss loads only
        // the entries' ids and organisations, the remissinstans the rest, and the table stays as it was.
        // The remissinstans is required: every entry's row is a whole remissinstans, so its columns stay NOT NULL.
        builder.HasOne<RecipientEntry>().WithOne().HasForeignKey<Recipient>(r => r.Id).OnDelete(DeleteBehavior.Cascade)
            .Metadata.IsRequiredDependent = true;

        builder.HasMany(r => r.Extensions).WithOne().HasForeignKey(e => e.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Extensions).HasField("_extensions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(r => r.Response).WithOne().HasForeignKey<Response>(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecipientEntryConfiguration : IEntityTypeConfiguration<RecipientEntry>
{
    public void Configure(EntityTypeBuilder<RecipientEntry> builder)
    {
        builder.ToTable("Recipients");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RemissId).HasColumnName(nameof(RecipientEntry.RemissId));
        builder.Property(r => r.OrganisationId).HasColumnName(nameof(RecipientEntry.OrganisationId));
        builder.HasIndex(r => new { r.RemissId, r.OrganisationId }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
