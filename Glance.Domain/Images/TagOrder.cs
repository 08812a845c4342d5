using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>
/// A page of a tag-filtered list in the default order (newest first), driven from the tag's rows:
/// each carries its image's created_at, so the walk reads the tag's images in list order and stops
/// after a page. Walking the images instead visits every image to find the few with a rare tag.
/// </summary>
internal static class TagOrder
{
    public const string Column = "ImageCreatedAt";

    /// <summary>
    /// The tag whose rows drive the page: the first one, when the list is in the default order (created_at,
    /// id, both descending, which the index holds) and no search ranks it; otherwise none.
    /// </summary>
    public static string? WalkedTag(ImageQuery query, IReadOnlyList<SortKey> keys) =>
        query.Tags.Count > 0 && ImageRanking.RankPrefix(query) is null
        && keys is [{ Key: "created_at", Descending: true }, { Key: "id", Descending: true }]
            ? query.Tags[0]
            : null;

    public static IQueryable<string> PageIds(GlanceDbContext db, IQueryable<Image> found, string tag, Image? marker, int limit)
    {
        var rows = db.ImageTags.Where(t => t.Value == tag);
        if (marker is not null)
        {
            var createdAt = marker.CreatedAt;
            var id = marker.Id;
            // The plain bound first, so SQLite seeks to the marker (see ImageOrdering.After).
            rows = rows.Where(t => EF.Property<DateTime>(t, Column) <= createdAt
                && (EF.Property<DateTime>(t, Column) < createdAt
                    || (EF.Property<DateTime>(t, Column) == createdAt && string.Compare(t.ImageId, id) < 0)));
        }
        return rows
            .Join(found, t => t.ImageId, i => i.Id, (t, i) => t)
            .OrderByDescending(t => EF.Property<DateTime>(t, Column))
            .ThenByDescending(t => t.ImageId)
            .Take(limit)
            .Select(t => t.ImageId);
    }
}
