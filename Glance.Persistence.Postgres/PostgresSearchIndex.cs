using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Persistence.Postgres;

/// <summary>
/// The search index on PostgreSQL: pg_trgm GIN indexes on the images' search text (migration
/// DerivedData), one over every image and one each over the public and the community candidates.
/// The domain's own condition on each word (<c>"SearchText" LIKE '%word%'</c>) is what these indexes
/// answer, so the planner chooses between them and walking the order index by itself: nothing needs
/// narrowing beforehand.
/// </summary>
internal sealed class PostgresSearchIndex : ISearchIndex
{
    public int MinimumWordLength => 3;

    public IQueryable<Image> Narrow(IQueryable<Image> images, GlanceDbContext db, IReadOnlyList<string> words, SearchIndexUse use, int selectiveCap) => images;

    public bool HasSelectiveWord(GlanceDbContext db, IReadOnlyList<string> words, int cap) =>
        words.Any(w => CountUpTo(db, w, cap) < cap);

    public bool HasVisibilityIndex(ImageVisibility visibility) =>
        visibility is ImageVisibility.Public or ImageVisibility.Community;

    public IQueryable<Image> WithinVisibility(IQueryable<Image> images, GlanceDbContext db, IReadOnlyList<string> words, ImageVisibility visibility) => images;

    private static int CountUpTo(GlanceDbContext db, string word, int cap)
    {
        var pattern = LikePattern.Contains(word);
        return db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM images WHERE "SearchText" LIKE {pattern} LIMIT {cap}) AS matches""")
            .AsEnumerable().First();
    }
}
