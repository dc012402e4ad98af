namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;
using Remiss.Domain.Remisser;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("Reminders");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);

        // Exactly once per recipient, step and deadline: a second chaser racing the first fails here and writes nothing.
        builder.HasIndex(r => new { r.TenantId, r.RecipientId, r.Kind, r.Deadline, r.DaysBefore }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Recipient>().WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LateDigestConfiguration : IEntityTypeConfiguration<LateDigest>
{
    public void Configure(EntityTypeBuilder<LateDigest> builder)
    {
        builder.ToTable("LateDigests");
        builder.Property(d => d.Id).ValueGeneratedNever();

        // One digest a day per remiss.
        builder.HasIndex(d => new { d.TenantId, d.RemissId, d.Date }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Remiss>().WithMany().HasForeignKey(d => d.RemissId).OnDelete(DeleteBehavior.Cascade);
    }
}
