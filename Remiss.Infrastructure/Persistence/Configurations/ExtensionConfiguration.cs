namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Remisser;

internal sealed class ExtensionConfiguration : IEntityTypeConfiguration<Extension>
{
    public void Configure(EntityTypeBuilder<Extension> builder)
    {
        builder.ToTable("Extensions");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(4_000);
        builder.Property(e => e.DecisionComment).HasMaxLength(4_000);

        // A recipient's anstånd, and whether one waits. It replaces an index on the tenant and status that no page needs
        // and that SQLite took instead, reading every waiting anstånd of the tenant for each recipient.
        builder.HasIndex(e => new { e.TenantId, e.RecipientId, e.Status });

        // At most one request waits for a decision per remissinstans, whatever two requests at the same moment try.
        builder.HasIndex(e => e.RecipientId).IsUnique().HasFilter("Status = 'Requested'").HasDatabaseName("IX_Extensions_OnePending");
    }
}
