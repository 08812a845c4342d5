using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Members;

namespace Glance.Domain.Images;

/// <summary>
/// An image: its core attributes, custom properties, tags and members. It owns its status machine;
/// services change it only through the intent methods below.
/// </summary>
public sealed class Image
{
    private Image()
    {
    }

    internal Image(string id, string? owner, DateTime now)
    {
        Id = id;
        Owner = owner;
        Status = ImageStatus.Queued;
        Visibility = ImageVisibility.Shared;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Id { get; private set; } = "";

    public string? Name { get; private set; }

    /// <summary>The name folded to lower case, so a person's sort puts "alpine" beside "Alpine"; Glance's API order stays on <see cref="Name"/>.</summary>
    public string SortName { get; private set; } = "";

    public ImageStatus Status { get; private set; }

    public ImageVisibility Visibility { get; private set; }

    public bool Protected { get; private set; }

    public bool OsHidden { get; private set; }

    /// <summary>MD5 of the data, hex.</summary>
    public string? Checksum { get; private set; }

    public string? OsHashAlgo { get; private set; }

    public string? OsHashValue { get; private set; }

    /// <summary>The owning project id.</summary>
    public string? Owner { get; private set; }

    public long? Size { get; private set; }

    public long? VirtualSize { get; private set; }

    public string? ContainerFormat { get; private set; }

    public string? DiskFormat { get; private set; }

    public int MinRam { get; private set; }

    public int MinDisk { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool Deleted { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    /// <summary>Where the data lives, a location per store, in the order it landed; none until an upload completes.</summary>
    public List<ImageLocation> Locations { get; private set; } = [];

    public List<ImageProperty> Properties { get; private set; } = [];

    public List<ImageTag> Tags { get; private set; } = [];

    public List<ImageMember> Members { get; private set; } = [];

    public bool HasData => Locations.Any(l => l.Status == LocationStatus.Active);

    /// <summary>The stores the data is in, in the order it landed (Glance's <c>stores</c>).</summary>
    public IReadOnlyList<string> Stores => Locations.Where(l => l.Status == LocationStatus.Active).OrderBy(l => l.Id).Select(l => l.StoreId).ToList();

    public string? GetProperty(string name) => Properties.FirstOrDefault(p => p.Name == name)?.Value;

    internal void SetName(string? name) => (Name, SortName) = (name, (name ?? "").ToLowerInvariant());

    internal void SetVisibility(ImageVisibility visibility) => Visibility = visibility;

    internal void SetProtected(bool value) => Protected = value;

    internal void SetOsHidden(bool value) => OsHidden = value;

    internal void SetOwner(string? owner) => Owner = owner;

    internal void SetMinRam(int value) => MinRam = value;

    internal void SetMinDisk(int value) => MinDisk = value;

    internal void SetContainerFormat(string? format)
    {
        EnsureFormatsChangeable("container_format");
        ContainerFormat = format;
    }

    internal void SetDiskFormat(string? format)
    {
        EnsureFormatsChangeable("disk_format");
        DiskFormat = format;
    }

    internal void SetProperty(string name, string? value)
    {
        var existing = Properties.FirstOrDefault(p => p.Name == name);
        if (existing is null)
        {
            Properties.Add(new ImageProperty(name, value));
        }
        else
        {
            existing.Value = value;
        }
    }

    internal bool RemoveProperty(string name) => Properties.RemoveAll(p => p.Name == name) > 0;

    internal void ReplaceTags(IEnumerable<string> tags)
    {
        var wanted = tags.Distinct().ToList();
        Tags.RemoveAll(t => !wanted.Contains(t.Value));
        foreach (var tag in wanted.Where(t => Tags.All(existing => existing.Value != t)))
        {
            Tags.Add(new ImageTag(tag));
        }
    }

    internal bool AddTag(string tag)
    {
        if (Tags.Any(t => t.Value == tag))
        {
            return false;
        }
        Tags.Add(new ImageTag(tag));
        return true;
    }

    internal bool RemoveTag(string tag) => Tags.RemoveAll(t => t.Value == tag) > 0;

    internal void Touch(DateTime now) => UpdatedAt = now;

    /// <summary>queued → saving, the start of a data upload.</summary>
    public void BeginUpload()
    {
        ImageStatusTransitions.EnsureAllowed(Status, ImageStatus.Saving);
        EnsureFormatsSetForData();
        Status = ImageStatus.Saving;
    }

    /// <summary>saving → active with the facts computed while the data streamed in, and where the store put it.</summary>
    public void MarkActive(long size, string checksum, string hashAlgo, string hashValue, string storeId, StoredData stored, DateTime at)
    {
        ImageStatusTransitions.EnsureAllowed(Status, ImageStatus.Active);
        Size = size;
        Checksum = checksum;
        OsHashAlgo = hashAlgo;
        OsHashValue = hashValue;
        Locations.Add(new ImageLocation(Id, storeId, stored, at));
        // Glance sets virtual_size for raw data in a bare container: it is the data itself.
        VirtualSize = ContainerFormat == "bare" && DiskFormat == "raw" ? size : null;
        Status = ImageStatus.Active;
    }

    /// <summary>Back to queued after a failed upload: no size and no data, ready for another try.</summary>
    public void ReturnToQueued()
    {
        ImageStatusTransitions.EnsureAllowed(Status, ImageStatus.Queued);
        Status = ImageStatus.Queued;
        Size = null;
        VirtualSize = null;
        Checksum = null;
        OsHashAlgo = null;
        OsHashValue = null;
        Locations.Clear();
    }

    /// <summary>active → deactivated; a no-op when already deactivated (Glance answers 204 either way).</summary>
    public void Deactivate()
    {
        if (Status == ImageStatus.Deactivated)
        {
            return;
        }
        if (Status != ImageStatus.Active)
        {
            throw new ForbiddenException($"Not allowed to deactivate image in status '{Status.ToWire()}'");
        }
        Status = ImageStatus.Deactivated;
    }

    /// <summary>deactivated → active; a no-op when already active.</summary>
    public void Reactivate()
    {
        if (Status == ImageStatus.Active)
        {
            return;
        }
        if (Status != ImageStatus.Deactivated)
        {
            throw new ForbiddenException($"Not allowed to reactivate image in status '{Status.ToWire()}'");
        }
        Status = ImageStatus.Active;
    }

    /// <summary>
    /// Takes the data's copy in one store off the image and returns it (null when the image has none
    /// there); the last copy stays: an image with data keeps it somewhere until it is deleted.
    /// </summary>
    public ImageLocation? RemoveCopy(string storeId)
    {
        var active = Locations.Where(l => l.Status == LocationStatus.Active).ToList();
        if (active.Count <= 1)
        {
            throw new ForbiddenException("Cannot delete image data from the only store containing it. Consider deleting the image instead.");
        }
        var location = active.OrderBy(l => l.Id).FirstOrDefault(l => l.StoreId == storeId);
        if (location is not null)
        {
            Locations.Remove(location);
        }
        return location;
    }

    /// <summary>
    /// Soft delete: the row stays (its id can never be reused), everything else is gone. Returns the
    /// locations it had, whose data the stores are to remove.
    /// </summary>
    public IReadOnlyList<ImageLocation> MarkDeleted(DateTime now)
    {
        if (Protected)
        {
            throw new ForbiddenException($"Image {Id} is protected and cannot be deleted.", Refusals.Protected);
        }
        ImageStatusTransitions.EnsureAllowed(Status, ImageStatus.Deleted);
        Status = ImageStatus.Deleted;
        Deleted = true;
        DeletedAt = now;
        UpdatedAt = now;
        var locations = Locations.ToList();
        Locations.Clear();
        return locations;
    }

    private void EnsureFormatsSetForData()
    {
        var missing = new List<string>();
        if (DiskFormat is null)
        {
            missing.Add("disk_format");
        }
        if (ContainerFormat is null)
        {
            missing.Add("container_format");
        }
        if (missing.Count == 1)
        {
            throw new ValidationException($"Property {missing[0]} must be set prior to saving data.");
        }
        if (missing.Count == 2)
        {
            throw new ValidationException("Properties disk_format, container_format must be set prior to saving data.");
        }
    }

    private void EnsureFormatsChangeable(string attribute)
    {
        // glance/api/v2/images.py: formats are fixed once data exists.
        if (Status is not (ImageStatus.Queued or ImageStatus.Importing))
        {
            throw new ForbiddenException($"Attribute {attribute} can be only replaced for a queued image.");
        }
    }
}
