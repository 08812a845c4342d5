using Glance.Domain.Members;

namespace Glance.Domain.Images;

/// <summary>One key of a list's order.</summary>
public sealed record SortKey(string Key, bool Descending)
{
    /// <summary>The name without regard to case, for people; the API's "name" keeps Glance's byte order.</summary>
    public const string FoldedName = "name_folded";
}

/// <summary>
/// A list request in domain terms, shared by the API and the portal. <see cref="ImageQueryParser"/>
/// builds one from Glance's query parameters with Glance's checks.
/// </summary>
public sealed record ImageQuery
{
    /// <summary>Page size; null takes <c>Glance:Limits:LimitParamDefault</c>. Always capped at ApiLimitMax.</summary>
    public int? Limit { get; init; }

    /// <summary>Id of the last image of the previous page.</summary>
    public string? Marker { get; init; }

    /// <summary>The order asked for; created_at and id are appended as tie-breakers.</summary>
    public IReadOnlyList<SortKey> Sort { get; init; } = [];

    /// <summary>Only images of this visibility; null for the default rule or for <see cref="AllVisibilities"/>.</summary>
    public ImageVisibility? Visibility { get; init; }

    /// <summary><c>visibility=all</c>: every image the caller may list, community images of others included.</summary>
    public bool AllVisibilities { get; init; }

    /// <summary>The member status that lists a shared image; null for <c>member_status=all</c>.</summary>
    public MemberStatus? MemberStatus { get; init; } = Members.MemberStatus.Accepted;

    /// <summary>Glance's <c>os_hidden</c>: false (the default) lists only images that are not hidden, true only hidden ones.</summary>
    public bool OsHidden { get; init; }

    /// <summary>Filters on text columns (name, id, status, formats with <c>eq</c>/<c>in</c>; owner and hashes exact).</summary>
    public IReadOnlyList<TextFilter> TextFilters { get; init; } = [];

    /// <summary>Exact values and <c>_min</c>/<c>_max</c> bounds on size, virtual_size, min_ram, min_disk.</summary>
    public IReadOnlyList<NumberFilter> NumberFilters { get; init; } = [];

    /// <summary>Comparisons on created_at and updated_at.</summary>
    public IReadOnlyList<DateFilter> DateFilters { get; init; } = [];

    /// <summary>Exact matches on custom properties; all must hold.</summary>
    public IReadOnlyDictionary<string, string> PropertyFilters { get; init; } = new Dictionary<string, string>();

    /// <summary>Tags the image must all carry.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool? Protected { get; init; }

    /// <summary>Leave out images this project owns: the portal's "shared with me" scope. Not a Glance filter.</summary>
    public string? OwnerNot { get; init; }

    /// <summary>The portal's free-text search (not part of Glance's API); null for none.</summary>
    public ImageSearch? Search { get; init; }

    /// <summary>The custom properties whose values this query matches by name (filters and <c>key=value</c> terms).</summary>
    public IEnumerable<string> PropertyNamesMatched =>
        PropertyFilters.Keys
            .Concat(Search?.PropertyAnyOf.Select(c => c.Key) ?? [])
            .Concat(Search?.PropertyNot.Select(c => c.Key) ?? []);

    /// <summary>Whether the query matches words against every property value (the portal's search words).</summary>
    public bool MatchesAnyPropertyValue => Search is { } search && (search.Words.Count > 0 || search.ExcludedWords.Count > 0);

    /// <summary>
    /// True when nothing but the audience (visibility, member status, os_hidden) narrows the list, so
    /// the kept facet counters hold its counts. Every filter <c>ApplyFilters</c> applies must be here.
    /// </summary>
    public bool NarrowsOnlyByAudience =>
        (Search is null || Search.IsEmpty) && TextFilters.Count == 0 && NumberFilters.Count == 0 && DateFilters.Count == 0
        && PropertyFilters.Count == 0 && Tags.Count == 0 && Protected is null && OwnerNot is null;
}

/// <summary>A page of a list; <see cref="HasMore"/> follows Glance: true when the page is full.</summary>
public sealed record ImagePage(IReadOnlyList<Image> Images, int Limit)
{
    public bool HasMore => Images.Count == Limit;
}
