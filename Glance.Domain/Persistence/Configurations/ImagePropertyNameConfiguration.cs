using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImagePropertyNameConfiguration : IEntityTypeConfiguration<ImagePropertyName>
{
    public void Configure(EntityTypeBuilder<ImagePropertyName> builder)
    {
        builder.ToTable("image_property_names");
        builder.HasKey(n => n.Name);
        builder.Property(n => n.Name).HasMaxLength(255);
    }
}
