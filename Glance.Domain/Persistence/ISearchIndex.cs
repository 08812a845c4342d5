using Glance.Domain.Images;

namespace Glance.Domain.Persistence;

/// <summary>How a search may use the engine's text index.</summary>
public enum SearchIndexUse
{
    /// <summary>
    /// A page: the index only for a word matching few images. A common word ("cloud", "general") would
    /// hand the database a set of most of the catalog to sort; walking the order index and testing each
    /// row's text stops after one page instead.
    /// </summary>
    WhenSelective,

    /// <summary>Counting every match (facets): start from the index's rarest word, whatever its size.</summary>
    Always,

    /// <summary>Not at all: the rows are narrowed another way (a visibility's own index).</summary>
    Never,
}

/// <summary>
/// The catalog's text index for the portal's search, which each database engine keeps its own way (a
/// persistence adapter provides it). The domain still tests every word as a substring of the image's
/// search text (<c>images.SearchText</c>, lower-cased names and property values); an index only narrows
/// which rows are tested, so it may return more rows than match, never fewer.
/// </summary>
public interface ISearchIndex
{
    /// <summary>The shortest word the index can find (three for trigrams); shorter words are only tested.</summary>
    int MinimumWordLength { get; }

    /// <summary>
    /// Narrows <paramref name="images"/> to rows that may hold one of the <paramref name="words"/> (all
    /// lower-cased, each at least <see cref="MinimumWordLength"/> long), through the rarest of them: always
    /// for <see cref="SearchIndexUse.Always"/>, and for <see cref="SearchIndexUse.WhenSelective"/> only when
    /// that word matches fewer than <paramref name="selectiveCap"/> images; otherwise unchanged.
    /// </summary>
    IQueryable<Image> Narrow(IQueryable<Image> images, GlanceDbContext db, IReadOnlyList<string> words, SearchIndexUse use, int selectiveCap);

    /// <summary>Whether one of the words matches fewer than <paramref name="cap"/> images (counted up to the cap).</summary>
    bool HasSelectiveWord(GlanceDbContext db, IReadOnlyList<string> words, int cap);

    /// <summary>Whether images of this visibility have an index of their own (<see cref="WithinVisibility"/>).</summary>
    bool HasVisibilityIndex(ImageVisibility visibility);

    /// <summary>
    /// Narrows images of one open visibility to those whose text may hold every word, through that
    /// visibility's own index, which is far smaller than the whole catalog's for a count of common words.
    /// </summary>
    IQueryable<Image> WithinVisibility(IQueryable<Image> images, GlanceDbContext db, IReadOnlyList<string> words, ImageVisibility visibility);
}
