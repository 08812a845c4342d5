using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>
/// The portal search's ranking: images whose name begins with the first search word come first. Each
/// part is then a plain query in the list's order, so either one walks an index and stops after a page.
/// </summary>
internal static class ImageRanking
{
    /// <summary>The word names that begin with rank first: a search's first word, in the default order only.</summary>
    public static string? RankPrefix(ImageQuery query) => query.Sort.Count == 0 ? query.Search?.RankPrefix : null;

    /// <summary>
    /// The found images split by whether the name begins with <paramref name="prefix"/>. When few names
    /// do, the first part is a range on the lower-cased name index (IX_images_Name_Lower) and is sorted;
    /// when many do, it is a LIKE that SQLite tests while walking the order index.
    /// </summary>
    public static async Task<(IQueryable<Image> Starts, IQueryable<Image> Others)> SplitAsync(
        IQueryable<Image> found, IQueryable<Image> all, string prefix, CancellationToken ct)
    {
        var pattern = ImageSearchFilters.EscapeLike(prefix) + "%";
        // Lower-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
        Expression<Func<Image, bool>> like = i => EF.Functions.Like(i.Name!.ToLower(), pattern, "\\");
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        Expression<Func<Image, bool>> range = i => string.Compare(i.Name!.ToLower(), prefix) >= 0 && string.Compare(i.Name!.ToLower(), upper) < 0;

        var few = await all.Where(range).OrderBy(i => i.Name!.ToLower()).Take(ImageSearchFilters.SelectiveMatches).CountAsync(ct)
            < ImageSearchFilters.SelectiveMatches;
        var rest = found.Where(i => i.Name == null || !EF.Functions.Like(i.Name.ToLower(), pattern, "\\"));
        return (found.Where(few ? range : like), rest);
    }

    /// <summary>The same test in memory, for a marker: which part it continues.</summary>
    public static bool Starts(Image image, string prefix) =>
        image.Name is { } name && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
