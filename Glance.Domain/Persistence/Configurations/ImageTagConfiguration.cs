using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImageTagConfiguration : IEntityTypeConfiguration<ImageTag>
{
    public void Configure(EntityTypeBuilder<ImageTag> builder)
    {
        builder.ToTable("image_tags");
        builder.HasKey(t => new { t.ImageId, t.Value });
        builder.Property(t => t.Value).HasMaxLength(255);
        builder.HasIndex(t => t.Value);
    }
}
