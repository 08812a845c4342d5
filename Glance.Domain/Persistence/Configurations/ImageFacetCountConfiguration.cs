using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImageFacetCountConfiguration : IEntityTypeConfiguration<ImageFacetCount>
{
    public void Configure(EntityTypeBuilder<ImageFacetCount> builder)
    {
        builder.ToTable("image_facet_counts");
        builder.HasKey(c => new { c.Visibility, c.OsHidden, c.Facet, c.Value });
        builder.Property(c => c.Visibility).HasMaxLength(20);
        builder.Property(c => c.Facet).HasMaxLength(20);
        builder.Property(c => c.Value).HasMaxLength(255);
    }
}
