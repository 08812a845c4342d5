using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImageTagConfiguration : IEntityTypeConfiguration<ImageTag>
{
    public void Configure(EntityTypeBuilder<ImageTag> builder)
    {
        builder.ToTable("image_tags");
        builder.HasKey(t => new { t.ImageId, t.Value });
        builder.Property(t => t.Value).HasMaxLength(255);
        // The image's created_at, copied by a trigger (migration TagOrderIndex) and never written by EF:
        // a tag filter in the default order walks this index newest first and stops after a page,
        // instead of walking every image to find the few that carry the tag.
        var createdAt = builder.Property<DateTime>(TagOrder.Column).HasDefaultValue(DateTime.UnixEpoch).Metadata;
        createdAt.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        createdAt.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex(nameof(ImageTag.Value), TagOrder.Column, nameof(ImageTag.ImageId));
    }
}
