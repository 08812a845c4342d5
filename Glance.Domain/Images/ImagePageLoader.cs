using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>
/// Loads a page's images with their properties and tags: three statements, each reading its table
/// by primary key for the page's ids. EF's split include joins every child query back to the images
/// and shapes the children through its include machinery, which cost a third of a list request.
/// </summary>
internal static class ImagePageLoader
{
    /// <param name="withLocations">Also the locations (one more statement), for the multi-store API's <c>stores</c>.</param>
    public static async Task<List<Image>> LoadAsync(GlanceDbContext db, IReadOnlyList<string> ids, bool withLocations, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var images = await db.Images.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var property in await db.ImageProperties.AsNoTracking().Where(p => ids.Contains(p.ImageId)).ToListAsync(ct))
        {
            images[property.ImageId].Properties.Add(property);
        }
        foreach (var tag in await db.ImageTags.AsNoTracking().Where(t => ids.Contains(t.ImageId)).ToListAsync(ct))
        {
            images[tag.ImageId].Tags.Add(tag);
        }
        if (withLocations)
        {
            foreach (var location in await db.ImageLocations.AsNoTracking().Where(l => ids.Contains(l.ImageId)).ToListAsync(ct))
            {
                images[location.ImageId].Locations.Add(location);
            }
        }
        return ids.Select(id => images[id]).ToList();
    }
}
