namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Remisser;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Text).HasMaxLength(Question.TextMaxLength).IsRequired();
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(q => q.Options).HasField("_options").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(q => q.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Not unique: moving a question swaps two numbers, and the rows are updated one at a time.
        builder.HasIndex(q => new { q.RemissId, q.Number });
    }
}
