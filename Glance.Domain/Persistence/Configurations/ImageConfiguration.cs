using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glance.Domain.Persistence.Configurations;

internal sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> builder)
    {
        builder.ToTable("images");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(36);
        builder.Property(i => i.Name).HasMaxLength(255);
        builder.Property(i => i.SortName).HasMaxLength(255).HasDefaultValue("");
        // Stored under Glance's names so the column sorts and filters as Glance's does. The status is
        // also the concurrency token: two requests racing to move an image (two uploads, an upload and
        // a delete) cannot both win.
        builder.Property(i => i.Status).HasMaxLength(30)
            .HasConversion(s => s.ToWire(), s => ParseStatus(s))
            .IsConcurrencyToken();
        builder.Property(i => i.Visibility).HasMaxLength(20)
            .HasConversion(v => v.ToWire(), v => ParseVisibility(v));
        builder.Property(i => i.Checksum).HasMaxLength(32);
        builder.Property(i => i.OsHashAlgo).HasMaxLength(64);
        builder.Property(i => i.OsHashValue).HasMaxLength(128);
        builder.Property(i => i.Owner).HasMaxLength(255);
        builder.Property(i => i.ContainerFormat).HasMaxLength(32);
        builder.Property(i => i.DiskFormat).HasMaxLength(32);

        // The portal search's text (name and property values, lower-cased), kept by triggers
        // (migration ImageSearchText); never written by EF, read only in search predicates.
        var searchText = builder.Property<string>(ImageSearchFilters.SearchTextColumn).IsRequired().HasDefaultValue("").Metadata;
        searchText.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        searchText.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        // The image's os_distro property, copied onto the row by triggers (migration AudienceSearch):
        // the portal's facets count it from the row they already read instead of a lookup per image.
        var osDistro = builder.Property<string?>(ImageFacetCounts.OsDistroColumn).HasMaxLength(ImageFacetCounts.OsDistroLength).Metadata;
        osDistro.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        osDistro.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.HasMany(i => i.Properties).WithOne().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.ImageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Members).WithOne().HasForeignKey(m => m.ImageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Locations).WithOne().HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.Cascade);

        // The list's default order and keyset paging run on (created_at, id); the visibility rule on
        // owner and visibility; Glance's filters on the columns after them. No index on size: a page
        // of 25 found by walking (created_at, id) beats sorting every image in a size range
        // (bench/README.md: 9 ms instead of 570 ms at a million images).
        // The default order's index also covers the columns the visibility rule and the list's fixed
        // conditions read, so walking it tests most rows without visiting the table (a rare tag: 34 → 16 ms).
        builder.HasIndex(i => new { i.CreatedAt, i.Id, i.Owner, i.Visibility, i.Deleted, i.Status, i.OsHidden })
            .HasDatabaseName("IX_images_CreatedAt_Id_Covering");
        builder.HasIndex(i => new { i.UpdatedAt, i.Id });
        builder.HasIndex(i => new { i.Owner, i.CreatedAt });
        builder.HasIndex(i => new { i.Visibility, i.CreatedAt });
        builder.HasIndex(i => new { i.Name, i.Id });
        builder.HasIndex(i => new { i.SortName, i.CreatedAt, i.Id });
        builder.HasIndex(i => i.Status);
        builder.HasIndex(i => i.Checksum);
        builder.HasIndex(i => i.OsHashValue);
    }

    private static ImageStatus ParseStatus(string value) =>
        ImageStatusTransitions.TryParse(value, out var status) ? status : throw new InvalidOperationException($"Unknown image status '{value}' in the database.");

    private static ImageVisibility ParseVisibility(string value) =>
        ImageVisibilityNames.TryParse(value, out var visibility) ? visibility : throw new InvalidOperationException($"Unknown visibility '{value}' in the database.");
}
