using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;

namespace Glance.Portal.Tests.Domain.Images;

public sealed class ImageTests
{
    private static readonly DateTime s_now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private static Image NewImage(string? disk = "raw", string? container = "bare")
    {
        var image = new Image(Guid.NewGuid().ToString(), "project-a", s_now);
        image.SetDiskFormat(disk);
        image.SetContainerFormat(container);
        return image;
    }

    private static Image ActiveImage()
    {
        var image = NewImage();
        image.BeginUpload();
        image.MarkActive(10, "md5", "sha512", "hash", "file", new StoredData("file:x", new Dictionary<string, string>()), DateTime.UtcNow);
        return image;
    }

    [Fact]
    public void A_new_image_is_queued_and_shared_with_no_data()
    {
        var image = NewImage();

        Assert.Equal(ImageStatus.Queued, image.Status);
        Assert.Equal(ImageVisibility.Shared, image.Visibility);
        Assert.False(image.HasData);
        Assert.Null(image.Size);
    }

    [Fact]
    public void An_upload_goes_queued_saving_active_and_records_what_was_computed()
    {
        var image = NewImage();

        image.BeginUpload();
        Assert.Equal(ImageStatus.Saving, image.Status);
        image.MarkActive(10, "md5", "sha512", "hash", "file", new StoredData("file:x", new Dictionary<string, string>()), DateTime.UtcNow);

        Assert.Equal(ImageStatus.Active, image.Status);
        Assert.Equal(10, image.Size);
        Assert.Equal(10, image.VirtualSize);
        Assert.Equal("md5", image.Checksum);
        Assert.Equal("hash", image.OsHashValue);
        Assert.True(image.HasData);
    }

    [Fact]
    public void Virtual_size_is_known_only_for_raw_data_in_a_bare_container()
    {
        var image = NewImage(disk: "qcow2");
        image.BeginUpload();
        image.MarkActive(10, "md5", "sha512", "hash", "file", new StoredData("file:x", new Dictionary<string, string>()), DateTime.UtcNow);

        Assert.Null(image.VirtualSize);
    }

    [Fact]
    public void A_failed_upload_returns_to_queued_and_forgets_size_and_hashes()
    {
        var image = NewImage();
        image.BeginUpload();

        image.ReturnToQueued();

        Assert.Equal(ImageStatus.Queued, image.Status);
        Assert.Null(image.Size);
        Assert.Null(image.Checksum);
        Assert.False(image.HasData);
    }

    [Theory]
    [InlineData(null, "bare", "Property disk_format must be set prior to saving data.")]
    [InlineData("raw", null, "Property container_format must be set prior to saving data.")]
    [InlineData(null, null, "Properties disk_format, container_format must be set prior to saving data.")]
    public void An_upload_needs_both_formats(string? disk, string? container, string message)
    {
        var image = NewImage(disk, container);

        var error = Assert.Throws<ValidationException>(image.BeginUpload);

        Assert.Equal(message, error.Message);
        Assert.Equal(ImageStatus.Queued, image.Status);
    }

    [Fact]
    public void An_active_image_cannot_take_another_upload()
    {
        var image = ActiveImage();

        Assert.Throws<InvalidTransitionException>(image.BeginUpload);
    }

    [Fact]
    public void Deactivation_round_trips_and_repeats_harmlessly()
    {
        var image = ActiveImage();

        image.Deactivate();
        image.Deactivate();
        Assert.Equal(ImageStatus.Deactivated, image.Status);
        image.Reactivate();
        image.Reactivate();
        Assert.Equal(ImageStatus.Active, image.Status);
    }

    [Fact]
    public void Only_active_images_deactivate_and_only_deactivated_ones_reactivate()
    {
        var queued = NewImage();

        Assert.Throws<ForbiddenException>(queued.Deactivate);
        Assert.Throws<ForbiddenException>(queued.Reactivate);
    }

    [Fact]
    public void A_protected_image_cannot_be_deleted()
    {
        var image = NewImage();
        image.SetProtected(true);

        Assert.Throws<ForbiddenException>(() => image.MarkDeleted(s_now));
        Assert.False(image.Deleted);
    }

    [Fact]
    public void Deleting_marks_the_row_deleted_and_drops_the_location()
    {
        var image = ActiveImage();

        image.MarkDeleted(s_now);

        Assert.True(image.Deleted);
        Assert.Equal(ImageStatus.Deleted, image.Status);
        Assert.Equal(s_now, image.DeletedAt);
        Assert.False(image.HasData);
    }

    [Fact]
    public void Formats_change_while_queued()
    {
        var image = NewImage();

        image.SetDiskFormat("qcow2");

        Assert.Equal("qcow2", image.DiskFormat);
    }

    [Fact]
    public void Formats_are_fixed_once_active()
    {
        var image = ActiveImage();

        Assert.Throws<ForbiddenException>(() => image.SetDiskFormat("qcow2"));
        Assert.Equal("raw", image.DiskFormat);
    }

    [Fact]
    public void Tags_are_a_set()
    {
        var image = NewImage();

        image.ReplaceTags(["a", "b", "a"]);
        Assert.False(image.AddTag("a"));
        Assert.True(image.AddTag("c"));

        Assert.Equal(["a", "b", "c"], image.Tags.Select(t => t.Value).Order());
    }
}
