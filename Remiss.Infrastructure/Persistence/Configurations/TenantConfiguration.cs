namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(40).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength).IsRequired();
        builder.Property(t => t.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.TwoFactorRequirement).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(t => t.StandardSections).HasField("_standardSections").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(t => t.ReminderDaysBefore).HasField("_reminderDaysBefore").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ComplexProperty(t => t.DocumentTemplate, d =>
        {
            d.Property(x => x.FileName).HasMaxLength(DocumentTemplate.FileNameMaxLength).HasColumnName("DocumentTemplateFileName");
            d.Property(x => x.StorageKey).HasMaxLength(100).HasColumnName("DocumentTemplateStorageKey");
            d.Property(x => x.SizeBytes).HasColumnName("DocumentTemplateSizeBytes");
            d.Property(x => x.UploadedAt).HasColumnName("DocumentTemplateUploadedAt");
        });
    }
}
