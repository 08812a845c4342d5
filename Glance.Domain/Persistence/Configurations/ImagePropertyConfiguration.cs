using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImagePropertyConfiguration : IEntityTypeConfiguration<ImageProperty>
{
    public void Configure(EntityTypeBuilder<ImageProperty> builder)
    {
        builder.ToTable("image_properties");
        builder.HasKey(p => new { p.ImageId, p.Name });
        builder.Property(p => p.Name).HasMaxLength(255);
        // Custom-property filters (os_distro=ubuntu) look up by name and value first.
        builder.HasIndex(p => new { p.Name, p.Value });
    }
}
