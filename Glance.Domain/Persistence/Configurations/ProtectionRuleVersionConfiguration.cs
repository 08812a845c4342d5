using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ProtectionRuleVersionConfiguration : IEntityTypeConfiguration<ProtectionRuleVersion>
{
    public void Configure(EntityTypeBuilder<ProtectionRuleVersion> builder)
    {
        builder.ToTable("property_protection_versions");
        builder.HasKey(v => v.Number);
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.Property(v => v.Format).HasMaxLength(10)
            .HasConversion(f => f.ToWire(), f => ProtectionRuleFormatNames.Parse(f));
        builder.Property(v => v.SavedBy).HasMaxLength(255);
        builder.Property(v => v.SavedByProject).HasMaxLength(255);
        builder.Property(v => v.Comment).HasMaxLength(1000);
        builder.Property(v => v.Source).HasMaxLength(20);
    }
}
