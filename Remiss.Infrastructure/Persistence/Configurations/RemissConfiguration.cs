namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

internal sealed class RemissConfiguration : IEntityTypeConfiguration<Remiss>
{
    public void Configure(EntityTypeBuilder<Remiss> builder)
    {
        builder.ToTable("Remisser");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(Remiss.TitleMaxLength).IsRequired();
        builder.Property(r => r.Diarienummer).HasMaxLength(Remiss.DiarienummerMaxLength);
        builder.Property(r => r.Description);
        builder.Property(r => r.ContactName).HasMaxLength(200);
        builder.Property(r => r.ContactEmail).HasMaxLength(254);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(2_000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Terms);
        builder.Ignore(r => r.RecipientOrganisationIds);
        builder.ComplexProperty(r => r.FinalSummary, final =>
        {
            final.Property(f => f.StorageKey).HasColumnName("FinalSummaryStorageKey").HasMaxLength(200);
            final.Property(f => f.Sha256).HasColumnName("FinalSummarySha256").HasMaxLength(64);
            final.Property(f => f.SizeBytes).HasColumnName("FinalSummarySizeBytes");
        });

        // The recipients' entries are two columns of the remissinstanser's rows, read by RemissReader (decision 9).
        builder.Ignore(r => r.Recipients);
        builder.PrimitiveCollection(r => r.ReminderDaysBefore).HasField("_reminderDaysBefore").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Diarienummer is unique within a tenant; drafts may not have one yet.
        builder.HasIndex(r => new { r.TenantId, r.Diarienummer }).IsUnique().HasFilter("Diarienummer IS NOT NULL");
        builder.HasIndex(r => new { r.TenantId, r.OwnerOrganisationId, r.Status });
        builder.HasIndex(r => new { r.TenantId, r.Status, r.Deadline });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Questions).WithOne().HasForeignKey(q => q.RemissId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RemissId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
