namespace Remiss.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Remiss.Domain.Organisations;

internal sealed class IdentityProviderConfiguration : IEntityTypeConfiguration<IdentityProvider>
{
    public void Configure(EntityTypeBuilder<IdentityProvider> builder)
    {
        builder.ToTable("IdentityProviders");
        builder.Property(p => p.Id).ValueGeneratedNever();

        // One provider per tenant.
        builder.HasIndex(p => p.TenantId).IsUnique();
        builder.Property(p => p.Issuer).HasMaxLength(IdentityProvider.IssuerMaxLength).IsRequired();
        builder.Property(p => p.ClientId).HasMaxLength(IdentityProvider.ClientIdMaxLength).IsRequired();

        // Data Protection's output for a secret of a few hundred characters stays well under this.
        builder.Property(p => p.ProtectedClientSecret).HasMaxLength(2000).IsRequired();
        builder.PrimitiveCollection(p => p.EmailDomains).HasField("_emailDomains").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.DomainsText);
        builder.Ignore(p => p.Version);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
