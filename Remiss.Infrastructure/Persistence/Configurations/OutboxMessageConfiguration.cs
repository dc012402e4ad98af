namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Email;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.MessageId).HasMaxLength(OutboxMessage.MessageIdMaxLength);
        builder.Property(m => m.Reason).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.ConcernsType).HasMaxLength(OutboxMessage.ConcernsTypeMaxLength);
        // The claim: two senders that load the same pending message both try Pending → Sending; only one save wins.
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);

        // The Message-ID is what makes "sent once only" checkable by the receiving side.
        builder.HasIndex(m => m.MessageId).IsUnique();

        // The sender's query: pending messages whose time has come, across tenants.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });

        // "Was this recipient already told about this?" — e.g. one påminnelse per recipient and day.
        builder.HasIndex(m => new { m.TenantId, m.ConcernsId, m.Reason });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
