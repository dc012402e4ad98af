namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Remisser;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ToTable("Responses");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.RecipientId).IsUnique();

        builder.Property(r => r.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<SectionText>(), JsonColumn.Comparer<SectionText>());
        builder.Property(r => r.Signatories).HasField("_signatories").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<Signatory>(), JsonColumn.Comparer<Signatory>());
        builder.ComplexProperty(r => r.Decision, d =>
        {
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30).HasColumnName("DecisionKind");
            d.Property(x => x.DecidedBy).HasMaxLength(200).HasColumnName("DecidedBy");
            d.Property(x => x.DecisionDate).HasColumnName("DecisionDate");
            d.Property(x => x.Paragraph).HasMaxLength(50).HasColumnName("DecisionParagraph");
        });

        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
