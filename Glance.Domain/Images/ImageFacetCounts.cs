using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>
/// Where a facet count comes from: image rows (the disjoint parts of one result, or the result itself)
/// and the kept counters of whole visibilities (<see cref="ImageFacetCount"/>), hidden images or not.
/// </summary>
internal sealed record FacetSources(IReadOnlyList<IQueryable<Image>> Rows, IReadOnlyList<ImageVisibility> Counted, bool OsHidden);

/// <summary>Counts the portal's facets (visibility, status, disk format, owner, os_distro) over every image a query finds.</summary>
internal static class ImageFacetCounts
{
    /// <summary>The images column holding a copy of the image's os_distro property, kept by triggers.</summary>
    public const string OsDistroColumn = "OsDistro";

    /// <summary>The os_distro facet counts a value's first characters only, as many as its column holds.</summary>
    public const int OsDistroLength = 255;

    /// <summary>The facets in <see cref="ImageFacets"/>' order: each one's name in the counters and its column of the found rows.</summary>
    private static readonly (string Name, string Column)[] Facets =
    [
        ("visibility", nameof(FacetRow.Visibility)),
        ("status", nameof(FacetRow.Status)),
        ("disk_format", nameof(FacetRow.DiskFormat)),
        ("owner", nameof(FacetRow.Owner)),
        ("os_distro", nameof(FacetRow.OsDistro)),
    ];

    public static async Task<ImageFacets> CountAsync(GlanceDbContext db, FacetSources sources, CancellationToken ct)
    {
        var counts = Facets.Select(_ => new Dictionary<string, int>()).ToArray();
        await db.Database.OpenConnectionAsync(ct);
        if (sources.Rows.Count > 0)
        {
            await CountRowsAsync(sources.Rows, counts, ct);
        }
        if (sources.Counted.Count > 0)
        {
            await AddCountersAsync(db, sources.Counted, sources.OsHidden, counts, ct);
        }
        return new ImageFacets(counts[0], counts[1], counts[2], counts[3], counts[4], counts[0].Values.Sum());
    }

    /// <summary>
    /// One statement over the rows of every source together (<c>UNION ALL</c>): EF translates the
    /// found rows, the statement keeps them once (a materialized CTE) and groups them by each facet in
    /// turn. One grouping by all five values at once returned a row per combination, some 1,600 for a
    /// common-word search at a million images, and reading those cost more than the grouping.
    /// </summary>
    private static async Task CountRowsAsync(IReadOnlyList<IQueryable<Image>> sources, Dictionary<string, int>[] counts, CancellationToken ct)
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
        await using var command = found.CreateDbCommand();
        var groupings = Facets.Select((facet, n) => $"SELECT {n}, \"{facet.Column}\", count(*) FROM found GROUP BY \"{facet.Column}\"");
        command.CommandText = $"WITH found AS MATERIALIZED ({command.CommandText})\n{string.Join("\nUNION ALL ", groupings)}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // count(*) is a 64-bit number on some engines (PostgreSQL), a 32-bit one on others.
            Add(counts[Convert.ToInt32(reader.GetValue(0))], reader.GetString(1), Convert.ToInt32(reader.GetValue(2)));
        }
    }

    private static async Task AddCountersAsync(GlanceDbContext db, IReadOnlyList<ImageVisibility> visibilities, bool osHidden, Dictionary<string, int>[] counts, CancellationToken ct)
    {
        var names = visibilities.Select(v => v.ToWire()).ToList();
        var sums = await db.ImageFacetCounts
            .Where(c => names.Contains(c.Visibility) && c.OsHidden == osHidden)
            .GroupBy(c => new { c.Facet, c.Value })
            .Select(g => new { g.Key.Facet, g.Key.Value, Count = g.Sum(c => c.Count) })
            .Where(s => s.Count > 0)
            .ToListAsync(ct);
        var index = Facets.Select((facet, n) => (facet.Name, n)).ToDictionary(f => f.Name, f => f.n);
        foreach (var sum in sums)
        {
            Add(counts[index[sum.Facet]], sum.Value, (int)sum.Count);
        }
    }

    private static void Add(Dictionary<string, int> counts, string value, int count) =>
        counts[value] = counts.GetValueOrDefault(value) + count;

    private sealed class FacetRow
    {
        public ImageVisibility Visibility { get; init; }
        public ImageStatus Status { get; init; }
        public string DiskFormat { get; init; } = "";
        public string Owner { get; init; } = "";
        public string OsDistro { get; init; } = "";
    }
}
