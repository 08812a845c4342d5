using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Persistence.Sqlite;

/// <summary>
/// The search index on SQLite: FTS5 trigram tables keyed by the images table's rowid, kept by triggers
/// (migrations ImageSearchIndex, ImageSearchText, AudienceSearch): <c>image_search</c> over the whole
/// catalog, and <c>image_search_public</c> and <c>image_search_community</c> over those visibilities.
/// A search matches rows by rowid instead of reading each match's id first.
/// </summary>
internal sealed class SqliteSearchIndex : ISearchIndex
{
    public int MinimumWordLength => 3;

    public IQueryable<Image> Narrow(IQueryable<Image> images, GlanceDbContext db, IReadOnlyList<string> words, SearchIndexUse use, int selectiveCap)
    {
        if (Rarest(db, words, use, selectiveCap) is not { } rarest)
        {
            return images;
        }
        var rows = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM image_search WHERE image_search MATCH {Phrase(rarest)}");
        return images.Where(i => rows.Contains(SqliteRowId.RowId(i.Id)));
    }

    public bool HasSelectiveWord(GlanceDbContext db, IReadOnlyList<string> words, int cap) =>
        words.Any(w => CountUpTo(db, w, cap) < cap);

    public bool HasVisibilityIndex(ImageVisibility visibility) =>
        visibility is ImageVisibility.Public or ImageVisibility.Community;

    /// <summary>
    /// Intersecting the words inside an index of only those images costs a fraction of starting from the
    /// whole catalog's set for the rarest word and testing each image's visibility: 290 → 35 ms for the
    /// facets of a search made of common words (bench/README.md).
    /// </summary>
    public IQueryable<Image> WithinVisibility(IQueryable<Image> images, GlanceDbContext db, IReadOnlyList<string> words, ImageVisibility visibility)
    {
        var match = string.Join(' ', words.Select(Phrase));
        var rows = visibility switch
        {
            ImageVisibility.Public => db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM image_search_public WHERE image_search_public MATCH {match}"),
            ImageVisibility.Community => db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM image_search_community WHERE image_search_community MATCH {match}"),
            _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Only public and community images have their own search index."),
        };
        return images.Where(i => rows.Contains(SqliteRowId.RowId(i.Id)));
    }

    /// <summary>
    /// The word whose index set narrows the search, or null to walk. Each candidate's matches are
    /// counted up to a cap, which costs a few milliseconds even for a word in every image.
    /// </summary>
    private static string? Rarest(GlanceDbContext db, IReadOnlyList<string> words, SearchIndexUse use, int selectiveCap)
    {
        if (words.Count == 0 || use == SearchIndexUse.Never)
        {
            return null;
        }
        if (words.Count == 1 && use == SearchIndexUse.Always)
        {
            return words[0];
        }
        var counted = words
            .Select(w => (Word: w, Count: CountUpTo(db, w, selectiveCap)))
            .OrderBy(c => c.Count)
            .First();
        return use == SearchIndexUse.Always || counted.Count < selectiveCap ? counted.Word : null;
    }

    private static int CountUpTo(GlanceDbContext db, string word, int cap) =>
        db.Database.SqlQuery<int>(
            $"SELECT count(*) AS Value FROM (SELECT rowid FROM image_search WHERE image_search MATCH {Phrase(word)} LIMIT {cap})")
            .AsEnumerable().First();

    /// <summary>An FTS5 string literal: the word as a phrase, its quotes doubled.</summary>
    private static string Phrase(string word) => "\"" + word.Replace("\"", "\"\"") + "\"";
}
