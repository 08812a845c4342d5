using System.Linq.Expressions;
using Glance.Domain.Persistence;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>How a search may use the trigram index.</summary>
internal enum SearchIndexUse
{
    /// <summary>
    /// A page: the index only for a word matching few images. A common word ("cloud", "general") would
    /// hand SQLite a set of most of the catalog to sort; walking the order index and testing each row's
    /// text stops after one page instead.
    /// </summary>
    WhenSelective,

    /// <summary>Counting every match (facets): start from the index's rarest word, whatever its size.</summary>
    Always,

    /// <summary>Not at all: the rows are narrowed another way (a visibility's own index, <see cref="ImageSearchFilters.WithinVisibilityIndex"/>).</summary>
    Never,
}

/// <summary>
/// Translates the portal's <see cref="ImageSearch"/> into SQL. Every word is tested as a substring of
/// the image's search text (a LIKE on a column the row already holds); the rarest word of three or more
/// characters can also narrow the rows first through the FTS5 trigram index (image_search).
/// </summary>
internal static class ImageSearchFilters
{
    public const string SearchTextColumn = "SearchText";

    /// <summary>
    /// Below this many matches a word's index set is cheaper to sort than to find by walking. Tests
    /// lower it to drive the walking path on a small catalog.
    /// </summary>
    internal static int SelectiveMatches { get; set; } = 5_000;

    /// <summary>
    /// Below this many matches for one word, counting a search's facets tests each match (about 3 µs
    /// each) rather than counting by parts (20–35 ms at a million images); counting a word up to the cap
    /// costs about a millisecond per thousand. Tests set it to 0 to drive the parts on a small catalog.
    /// </summary>
    internal static int FacetSelectiveMatches { get; set; } = 2_000;

    /// <summary>
    /// The search's conditions. The search text holds every property value, so for a caller who may
    /// not read some of them (<paramref name="readable"/>) each word must also be found in the name or
    /// in a value the caller may read, an excluded word is looked for only there, and a condition on a
    /// hidden property sees no value: nothing the caller may not read can decide whether an image is found.
    /// </summary>
    public static IQueryable<Image> ApplySearch(this IQueryable<Image> images, ImageSearch search, GlanceDbContext db, SearchIndexUse use, PropertyReadScope readable)
    {
        var words = search.Words.Select(w => w.ToLowerInvariant()).ToList();
        if (use != SearchIndexUse.Never && Narrowing(db, words, use) is { } rarest)
        {
            var rows = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM image_search WHERE image_search MATCH {Phrase(rarest)}");
            images = images.Where(i => rows.Contains(SqliteRowId.RowId(i.Id)));
        }
        var hidden = readable.Hidden.ToList();
        foreach (var word in words)
        {
            var pattern = Contains(word);
            images = images.Where(i => EF.Functions.Like(EF.Property<string>(i, SearchTextColumn), pattern, "\\"));
            if (readable.HidesAny)
            {
                images = images.Where(ReadableTextHolds(pattern, hidden));
            }
        }
        foreach (var word in search.ExcludedWords.Select(w => w.ToLowerInvariant()))
        {
            var pattern = Contains(word);
            images = readable.HidesAny
                ? images.Where(Not(ReadableTextHolds(pattern, hidden)))
                : images.Where(i => !EF.Functions.Like(EF.Property<string>(i, SearchTextColumn), pattern, "\\"));
        }
        foreach (var (key, values) in search.PropertyAnyOf)
        {
            var anyOf = values.ToList();
            images = readable.CanRead(key)
                ? images.Where(i => i.Properties.Any(p => p.Name == key && anyOf.Contains(p.Value!)))
                : images.Where(i => false);
        }
        foreach (var (key, value) in search.PropertyNot.Where(c => readable.CanRead(c.Key)))
        {
            images = images.Where(i => !i.Properties.Any(p => p.Name == key && p.Value == value));
        }
        return images;
    }

    /// <summary>
    /// The word in the name or in a value the caller may read. Unlike the search text it cannot match
    /// across two fields, which only a quoted word with a space could.
    /// </summary>
    private static Expression<Func<Image, bool>> ReadableTextHolds(string pattern, List<string> hidden) =>
        i => EF.Functions.Like(i.Name!, pattern, "\\")
             || i.Properties.Any(p => !hidden.Contains(p.Name) && EF.Functions.Like(p.Value!, pattern, "\\"));

    private static Expression<Func<Image, bool>> Not(Expression<Func<Image, bool>> condition) =>
        Expression.Lambda<Func<Image, bool>>(Expression.Not(condition.Body), condition.Parameters);

    /// <summary>
    /// Whether a search has a word the trigram indexes can match (three or more characters): only then
    /// can an index narrow a count of every match.
    /// </summary>
    public static bool HasIndexedWord(ImageSearch? search) => search is not null && IndexedWords(search.Words).Count > 0;

    /// <summary>Whether a word of the search matches fewer than <paramref name="cap"/> images (counted up to the cap).</summary>
    public static bool HasSelectiveWord(ImageSearch search, GlanceDbContext db, int cap) =>
        IndexedWords(search.Words).Any(w => CountUpTo(db, w, cap) < cap);

    /// <summary>
    /// Narrows images of one open visibility to those whose text holds every indexed word, through that
    /// visibility's own trigram index (image_search_public, image_search_community; migration
    /// AudienceSearch). Intersecting the words inside an index of only those images costs a fraction of
    /// starting from the whole catalog's set for the rarest word and testing each image's visibility:
    /// 290 → 35 ms for the facets of a search made of common words (bench/README.md). The LIKEs that
    /// <see cref="ApplySearch"/> adds still decide each row.
    /// </summary>
    public static IQueryable<Image> WithinVisibilityIndex(this IQueryable<Image> images, ImageSearch search, GlanceDbContext db, ImageVisibility visibility)
    {
        var words = IndexedWords(search.Words);
        if (words.Count == 0)
        {
            return images;
        }
        var match = string.Join(' ', words.Select(Phrase));
        // Keep in step with HasVisibilityIndex.
        var rows = visibility switch
        {
            ImageVisibility.Public => db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM image_search_public WHERE image_search_public MATCH {match}"),
            ImageVisibility.Community => db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM image_search_community WHERE image_search_community MATCH {match}"),
            _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Only public and community images have their own search index."),
        };
        return images.Where(i => rows.Contains(SqliteRowId.RowId(i.Id)));
    }

    /// <summary>Whether a visibility has its own trigram index (<see cref="WithinVisibilityIndex"/>).</summary>
    public static bool HasVisibilityIndex(ImageVisibility visibility) =>
        visibility is ImageVisibility.Public or ImageVisibility.Community;

    /// <summary>The search words a trigram index can match (three or more characters), lower-cased, each once.</summary>
    private static List<string> IndexedWords(IEnumerable<string> words) =>
        words.Where(w => w.Length >= 3).Select(w => w.ToLowerInvariant()).Distinct().ToList();

    /// <summary>
    /// The word whose index set narrows the search, or null to walk. Each candidate's matches are
    /// counted up to a cap, which costs a few milliseconds even for a word in every image.
    /// </summary>
    private static string? Narrowing(GlanceDbContext db, List<string> words, SearchIndexUse use)
    {
        var indexed = IndexedWords(words);
        if (indexed.Count == 0)
        {
            return null;
        }
        if (indexed.Count == 1 && use == SearchIndexUse.Always)
        {
            return indexed[0];
        }
        var counted = indexed
            .Select(w => (Word: w, Count: CountUpTo(db, w, SelectiveMatches)))
            .OrderBy(c => c.Count)
            .First();
        return use == SearchIndexUse.Always || counted.Count < SelectiveMatches ? counted.Word : null;
    }

    private static int CountUpTo(GlanceDbContext db, string word, int cap) =>
        db.Database.SqlQuery<int>(
            $"SELECT count(*) AS Value FROM (SELECT rowid FROM image_search WHERE image_search MATCH {Phrase(word)} LIMIT {cap})")
            .AsEnumerable().First();

    /// <summary>An FTS5 string literal: the word as a phrase, its quotes doubled.</summary>
    private static string Phrase(string word) => "\"" + word.Replace("\"", "\"\"") + "\"";

    /// <summary>A LIKE pattern for a substring, with LIKE's wildcards in the word taken literally.</summary>
    internal static string Contains(string word) => "%" + EscapeLike(word) + "%";

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
