namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Remisser;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("Answers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Value).HasConversion(AnswerValueJson.Converter, AnswerValueJson.Comparer);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
