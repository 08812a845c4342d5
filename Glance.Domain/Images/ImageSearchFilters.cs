using System.Linq.Expressions;
using Glance.Domain.Persistence;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>
/// Translates the portal's <see cref="ImageSearch"/> into SQL. Every word is tested as a substring of
/// the image's search text (a LIKE on a column the row already holds); the engine's text index
/// (<see cref="ISearchIndex"/>) can narrow the rows first through the rarest word it can find.
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
    public static IQueryable<Image> ApplySearch(this IQueryable<Image> images, ImageSearch search, GlanceDbContext db, ISearchIndex index, SearchIndexUse use, PropertyReadScope readable)
    {
        var words = search.Words.Select(w => w.ToLowerInvariant()).ToList();
        if (use != SearchIndexUse.Never && IndexedWords(index, words) is { Count: > 0 } indexed)
        {
            images = index.Narrow(images, db, indexed, use, SelectiveMatches);
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
        // The pattern is lower-cased: so are the texts it is tested on (LIKE keeps case on some engines).
        i => EF.Functions.Like(i.Name!.ToLower(), pattern, "\\")
             || i.Properties.Any(p => !hidden.Contains(p.Name) && EF.Functions.Like(p.Value!.ToLower(), pattern, "\\"));

    private static Expression<Func<Image, bool>> Not(Expression<Func<Image, bool>> condition) =>
        Expression.Lambda<Func<Image, bool>>(Expression.Not(condition.Body), condition.Parameters);

    /// <summary>
    /// Whether a search has a word the engine's text index can find (three or more characters for
    /// trigrams): only then can an index narrow a count of every match.
    /// </summary>
    public static bool HasIndexedWord(ISearchIndex index, ImageSearch? search) => search is not null && IndexedWords(index, search.Words).Count > 0;

    /// <summary>Whether a word of the search matches fewer than <paramref name="cap"/> images.</summary>
    public static bool HasSelectiveWord(ISearchIndex index, ImageSearch search, GlanceDbContext db, int cap) =>
        index.HasSelectiveWord(db, IndexedWords(index, search.Words), cap);

    /// <summary>
    /// Narrows images of one open visibility to those whose text may hold every indexed word, through
    /// that visibility's own index. The LIKEs that <see cref="ApplySearch"/> adds still decide each row.
    /// </summary>
    public static IQueryable<Image> WithinVisibilityIndex(this IQueryable<Image> images, ImageSearch search, GlanceDbContext db, ISearchIndex index, ImageVisibility visibility) =>
        IndexedWords(index, search.Words) is { Count: > 0 } words ? index.WithinVisibility(images, db, words, visibility) : images;

    /// <summary>The search words the index can find, lower-cased, each once.</summary>
    private static List<string> IndexedWords(ISearchIndex index, IEnumerable<string> words) =>
        words.Where(w => w.Length >= index.MinimumWordLength).Select(w => w.ToLowerInvariant()).Distinct().ToList();

    /// <summary>A LIKE pattern for a substring, with LIKE's wildcards in the word taken literally.</summary>
    internal static string Contains(string word) => LikePattern.Contains(word);

    internal static string EscapeLike(string text) => LikePattern.Escape(text);
}
