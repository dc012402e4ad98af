namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

internal sealed class RaisedPointConfiguration : IEntityTypeConfiguration<RaisedPoint>
{
    public void Configure(EntityTypeBuilder<RaisedPoint> builder)
    {
        builder.ToTable("RaisedPoints");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Section).HasMaxLength(200);
        builder.Property(p => p.Text).HasMaxLength(RaisedPoint.TextMaxLength).IsRequired();
        builder.Property(p => p.Reply).HasMaxLength(RaisedPoint.ReplyMaxLength);
        builder.Property(p => p.Disposition).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Source);

        // The themes are a list of ids in one column, as the remiss's påminnelse days are: a synpunkt has a few, they are
        // always read with it, and merging two themes rewrites the lists of the synpunkter concerned in one save.
        builder.PrimitiveCollection(p => p.ThemeIds).HasField("_themeIds").UsePropertyAccessMode(PropertyAccessMode.Field);

        // A question's page reads its synpunkter; the documents read all of a remiss's in question order.
        builder.HasIndex(p => new { p.TenantId, p.RemissId, p.QuestionNumber });
        builder.HasIndex(p => new { p.TenantId, p.RecipientId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Remiss>().WithMany().HasForeignKey(p => p.RemissId).OnDelete(DeleteBehavior.Cascade);

        // Not cascading: SQL Server refuses a second cascade path from Remisser (through Recipients).
        builder.HasOne<Recipient>().WithMany().HasForeignKey(p => p.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.ToTable("Themes");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength).IsRequired();

        // The domain refuses a name the remiss has in any case; the index stops two people adding the same one at once.
        builder.HasIndex(t => new { t.TenantId, t.RemissId, t.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Remiss>().WithMany().HasForeignKey(t => t.RemissId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionCommentConfiguration : IEntityTypeConfiguration<QuestionComment>
{
    public void Configure(EntityTypeBuilder<QuestionComment> builder)
    {
        builder.ToTable("QuestionComments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).HasMaxLength(QuestionComment.TextMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // One comment per question: two people writing the first one at once meet here, and the second is told.
        builder.HasIndex(c => new { c.TenantId, c.RemissId, c.QuestionNumber }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Remiss>().WithMany().HasForeignKey(c => c.RemissId).OnDelete(DeleteBehavior.Cascade);
    }
}
