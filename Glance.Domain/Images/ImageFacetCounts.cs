using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>
/// Counts the portal's facets (visibility, status, disk format, owner, os_distro) over every image a
/// query finds, in one statement.
/// </summary>
internal static class ImageFacetCounts
{
    /// <summary>The images column holding a copy of the image's os_distro property, kept by triggers.</summary>
    public const string OsDistroColumn = "OsDistro";

    /// <summary>The facets in the order the statement groups them; each is a column of the found rows.</summary>
    private static readonly string[] Facets = ["Visibility", "Status", "DiskFormat", "Owner", "OsDistro"];

    /// <summary>
    /// The counts over the images of every source together (<c>UNION ALL</c>): the sources are disjoint
    /// parts of one result, or the result itself. EF translates the found rows; the statement keeps them
    /// once (a materialized CTE) and groups them by each facet in turn. One grouping by all five values
    /// at once returned a row per combination, some 1,600 for a common-word search at a million images,
    /// and reading those cost more than the grouping.
    /// </summary>
    public static async Task<ImageFacets> CountAsync(GlanceDbContext db, IReadOnlyList<IQueryable<Image>> sources, CancellationToken ct)
    {
        var found = sources
            .Select(images => images.Select(i => new FacetRow
            {
                Visibility = i.Visibility,
                Status = i.Status,
                DiskFormat = i.DiskFormat ?? "",
                Owner = i.Owner ?? "",
                OsDistro = EF.Property<string?>(i, OsDistroColumn) ?? "",
            }))
            .Aggregate(Queryable.Concat);

        await db.Database.OpenConnectionAsync(ct);
        await using var command = found.CreateDbCommand();
        var groupings = Facets.Select((column, n) => $"SELECT {n}, \"{column}\", count(*) FROM found GROUP BY \"{column}\"");
        command.CommandText = $"WITH found AS MATERIALIZED ({command.CommandText})\n{string.Join("\nUNION ALL ", groupings)}";

        var counts = Facets.Select(_ => new Dictionary<string, int>()).ToArray();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                counts[reader.GetInt32(0)][reader.GetString(1)] = reader.GetInt32(2);
            }
        }
        return new ImageFacets(counts[0], counts[1], counts[2], counts[3], counts[4], counts[0].Values.Sum());
    }

    private sealed class FacetRow
    {
        public ImageVisibility Visibility { get; init; }
        public ImageStatus Status { get; init; }
        public string DiskFormat { get; init; } = "";
        public string Owner { get; init; } = "";
        public string OsDistro { get; init; } = "";
    }
}
