namespace Glance.Domain.Images;

/// <summary>
/// How many listable images (not deleted, not killed) of one visibility, hidden or not, have one value
/// of one facet. Kept by triggers on every write of images (migration FacetCounters), never by EF: the
/// portal's facets for a list narrowed only by audience (its first load) add these up instead of
/// visiting every image of a visibility everyone can list.
/// </summary>
public sealed class ImageFacetCount
{
    public string Visibility { get; private set; } = "";

    public bool OsHidden { get; private set; }

    /// <summary>visibility, status, disk_format, owner or os_distro.</summary>
    public string Facet { get; private set; } = "";

    /// <summary>The image's value; an empty string when it has none.</summary>
    public string Value { get; private set; } = "";

    public long Count { get; private set; }
}
