namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Remisser;

/// <summary>Both kinds of bilaga in one table, told apart by a discriminator.</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasDiscriminator<string>("Owner")
            .HasValue<RemissAttachment>("Remiss")
            .HasValue<ResponseAttachment>("Response");
        builder.Property<string>("Owner").HasMaxLength(20);
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.FileType).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.StorageKey).IsUnique();
    }
}
