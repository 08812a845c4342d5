namespace Glance.Portal.Components.Catalog;

/// <summary>The catalog's columns that can be hidden, with their headers and the sort key each one orders by.</summary>
public static class CatalogColumns
{
    public static readonly IReadOnlyList<(string Key, string Title, string? SortKey)> Hideable =
    [
        ("os", "OS", null),
        ("status", "Status", "status"),
        ("visibility", "Visibility", null),
        ("size", "Size", "size"),
        ("disk", "Disk format", "disk_format"),
        ("owner", "Owner", null),
        ("created", "Created", "created_at"),
        ("updated", "Updated", "updated_at"),
    ];
}
