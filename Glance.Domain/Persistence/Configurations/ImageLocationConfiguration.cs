using Glance.Domain.ImageData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImageLocationConfiguration : IEntityTypeConfiguration<ImageLocation>
{
    public void Configure(EntityTypeBuilder<ImageLocation> builder)
    {
        builder.ToTable("image_locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ImageId).HasMaxLength(36);
        builder.Property(l => l.StoreId).HasMaxLength(255);
        builder.Property(l => l.Url).HasMaxLength(2048);
        builder.Property(l => l.Metadata).HasDefaultValue("{}");
        builder.Property(l => l.Status).HasMaxLength(30).HasConversion(s => ToWire(s), s => Parse(s));
        builder.HasIndex(l => l.ImageId);
        builder.HasIndex(l => new { l.StoreId, l.ImageId });
    }

    private static string ToWire(LocationStatus status) => status switch
    {
        LocationStatus.Active => "active",
        LocationStatus.PendingDelete => "pending_delete",
        _ => "deleted",
    };

    private static LocationStatus Parse(string value) => value switch
    {
        "active" => LocationStatus.Active,
        "pending_delete" => LocationStatus.PendingDelete,
        "deleted" => LocationStatus.Deleted,
        _ => throw new InvalidOperationException($"Unknown location status '{value}' in the database."),
    };
}
