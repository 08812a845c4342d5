using System.Globalization;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Persistence;

namespace Glance.Domain.Audit;

/// <summary>
/// Records what a change did to an image by comparing it before and after, so that every way of
/// changing one (a patch, a tag call, an action) leaves the same trail: one event per attribute,
/// property, tag, visibility or status that differs.
/// </summary>
internal sealed class ImageChangeRecorder
{
    private readonly Dictionary<string, string?> _attributes;
    private readonly ImageVisibility _visibility;
    private readonly ImageStatus _status;
    private readonly Dictionary<string, string?> _properties;
    private readonly HashSet<string> _tags;

    private ImageChangeRecorder(Image image)
    {
        _attributes = Attributes(image);
        _visibility = image.Visibility;
        _status = image.Status;
        _properties = image.Properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        _tags = image.Tags.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
    }

    public static ImageChangeRecorder Before(Image image) => new(image);

    /// <summary>A new image: its creation, then each property and tag it was created with.</summary>
    public static void RecordCreation(GlanceDbContext db, CallerContext caller, Image image, DateTime at)
    {
        AuditTrail.Record(db, caller, image, AuditAction.ImageCreated, null, null, image.Visibility.ToWire(), at);
        foreach (var property in image.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            AuditTrail.Record(db, caller, image, AuditAction.PropertyChanged, null, null, property.Value ?? "", at, property.Name);
        }
        foreach (var tag in image.Tags.Select(t => t.Value).Order(StringComparer.Ordinal))
        {
            AuditTrail.Record(db, caller, image, AuditAction.TagAdded, null, null, null, at, tag);
        }
    }

    /// <summary>Adds an event for each difference to the pending changes of <paramref name="db"/>.</summary>
    public void Record(GlanceDbContext db, CallerContext caller, Image after, DateTime at)
    {
        void Add(AuditAction action, string? subject, string? before, string? now) =>
            AuditTrail.Record(db, caller, after, action, null, before, now, at, subject);

        if (after.Visibility != _visibility)
        {
            // Members stay when an image leaves shared (dormant until it is shared again); the trail says when.
            Add(AuditAction.VisibilityChanged, null, _visibility.ToWire(), after.Visibility.ToWire());
        }
        if (after.Status != _status)
        {
            Add(AuditAction.StatusChanged, null, _status.ToWire(), after.Status.ToWire());
        }
        foreach (var (name, now) in Attributes(after).Where(a => _attributes[a.Key] != a.Value))
        {
            Add(AuditAction.AttributeChanged, name, _attributes[name], now);
        }
        var properties = after.Properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        foreach (var name in _properties.Keys.Union(properties.Keys).Order(StringComparer.Ordinal))
        {
            var had = _properties.TryGetValue(name, out var before);
            var has = properties.TryGetValue(name, out var now);
            if (had != has || before != now)
            {
                Add(AuditAction.PropertyChanged, name, had ? before ?? "" : null, has ? now ?? "" : null);
            }
        }
        var tags = after.Tags.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var tag in tags.Except(_tags).Order(StringComparer.Ordinal))
        {
            Add(AuditAction.TagAdded, tag, null, null);
        }
        foreach (var tag in _tags.Except(tags).Order(StringComparer.Ordinal))
        {
            Add(AuditAction.TagRemoved, tag, null, null);
        }
    }

    private static Dictionary<string, string?> Attributes(Image image) => new(StringComparer.Ordinal)
    {
        ["name"] = image.Name,
        ["owner"] = image.Owner,
        ["disk_format"] = image.DiskFormat,
        ["container_format"] = image.ContainerFormat,
        ["min_disk"] = image.MinDisk.ToString(CultureInfo.InvariantCulture),
        ["min_ram"] = image.MinRam.ToString(CultureInfo.InvariantCulture),
        ["protected"] = image.Protected ? "true" : "false",
        ["os_hidden"] = image.OsHidden ? "true" : "false",
    };
}
