using System.Globalization;
using Glance.Domain.Images;
using Microsoft.AspNetCore.WebUtilities;
using SortKey = Glance.Domain.Images.SortKey;

namespace Glance.Portal.Components.Catalog;

/// <summary>
/// Everything the catalog shows, kept in the URL so a search can be bookmarked and shared: the scope,
/// the search text, the filters, the order, the page (by marker, with the markers of earlier pages for
/// "previous"), the page size and the hidden columns. <see cref="ToQuery"/> turns it into the domain's
/// one query object, the same one the API builds.
/// </summary>
public sealed record CatalogState
{
    public static readonly IReadOnlyList<string> Scopes = ["all", "mine", "shared", "public", "community"];

    public static readonly IReadOnlyList<string> SortKeys = ["name", "status", "size", "disk_format", "container_format", "created_at", "updated_at"];

    public string Scope { get; init; } = "all";

    public string? Search { get; init; }

    public IReadOnlyList<string> Statuses { get; init; } = [];

    public string? Visibility { get; init; }

    public IReadOnlyList<string> DiskFormats { get; init; } = [];

    /// <summary>Only images of this owner project.</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<string> ContainerFormats { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Exact custom-property matches (<c>p.os_distro=ubuntu</c> in the URL).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Size bounds in MiB, as people think of image sizes.</summary>
    public long? SizeMinMib { get; init; }

    public long? SizeMaxMib { get; init; }

    public DateOnly? CreatedFrom { get; init; }

    public DateOnly? CreatedTo { get; init; }

    public DateOnly? UpdatedFrom { get; init; }

    public DateOnly? UpdatedTo { get; init; }

    /// <summary>null: newest first (or the search's ranking when there is search text).</summary>
    public string? Sort { get; init; }

    public bool Descending { get; init; }

    /// <summary>The last image of the previous page; null on the first page.</summary>
    public string? Marker { get; init; }

    /// <summary>The markers of the pages before this one, oldest first: how "previous" works with keyset paging.</summary>
    public IReadOnlyList<string> Trail { get; init; } = [];

    public int PageSize { get; init; } = 25;

    public IReadOnlyList<string> HiddenColumns { get; init; } = [];

    public int PageNumber => Marker is null ? 1 : Trail.Count + 2;

    public CatalogState FirstPage() => this with { Marker = null, Trail = [] };

    public CatalogState NextPage(string lastId) => this with { Marker = lastId, Trail = Marker is null ? Trail : [.. Trail, Marker] };

    public CatalogState PreviousPage() => Trail.Count == 0
        ? this with { Marker = null }
        : this with { Marker = Trail[^1], Trail = Trail.Take(Trail.Count - 1).ToList() };

    public static CatalogState FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        IReadOnlyList<string> List(string key) => query.TryGetValue(key, out var v)
            ? v.SelectMany(x => (x ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList()
            : [];
        long? Long(string key) => long.TryParse(One(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        var sort = One("sort");
        var (sortKey, descending) = sort?.Split(':') is [var key, var direction] ? (key, direction == "desc") : (sort, false);
        var size = int.TryParse(One("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? Math.Clamp(limit, 1, 200) : 25;
        return new CatalogState
        {
            Scope = One("scope") is { } scope && Scopes.Contains(scope) ? scope : "all",
            Search = One("q"),
            Statuses = List("status"),
            Visibility = One("visibility") is { } v && ImageVisibilityNames.TryParse(v, out _) ? v : null,
            DiskFormats = List("disk"),
            Owner = One("owner"),
            ContainerFormats = List("container"),
            Tags = List("tag"),
            Properties = query.Where(q => q.Key.StartsWith("p.", StringComparison.Ordinal) && q.Key.Length > 2 && !string.IsNullOrEmpty(q.Value.ToString()))
                .ToDictionary(q => q.Key[2..], q => q.Value.ToString()),
            SizeMinMib = Long("size_min"),
            SizeMaxMib = Long("size_max"),
            CreatedFrom = Date("created_from"),
            CreatedTo = Date("created_to"),
            UpdatedFrom = Date("updated_from"),
            UpdatedTo = Date("updated_to"),
            Sort = sortKey is not null && SortKeys.Contains(sortKey) ? sortKey : null,
            Descending = descending,
            Marker = One("after"),
            Trail = One("after") is null ? [] : List("trail"),
            PageSize = size,
            HiddenColumns = List("hide"),
        };
    }

    /// <summary>The query string (with its leading <c>?</c>, or empty) that <see cref="FromUri"/> reads back.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(key, value));
            }
        }
        Add("scope", Scope == "all" ? null : Scope);
        Add("q", Search);
        Add("status", string.Join(',', Statuses));
        Add("visibility", Visibility);
        Add("disk", string.Join(',', DiskFormats));
        Add("owner", Owner);
        Add("container", string.Join(',', ContainerFormats));
        foreach (var tag in Tags)
        {
            Add("tag", tag);
        }
        foreach (var (key, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add("p." + key, value);
        }
        Add("size_min", SizeMinMib?.ToString(CultureInfo.InvariantCulture));
        Add("size_max", SizeMaxMib?.ToString(CultureInfo.InvariantCulture));
        Add("created_from", CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("created_to", CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("updated_from", UpdatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("updated_to", UpdatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("sort", Sort is null ? null : $"{Sort}:{(Descending ? "desc" : "asc")}");
        Add("after", Marker);
        Add("trail", Marker is null ? null : string.Join(',', Trail));
        Add("limit", PageSize == 25 ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        Add("hide", string.Join(',', HiddenColumns));
        return QueryString.Create(pairs).ToString();
    }

    /// <summary>The domain query for this state, for a caller in <paramref name="project"/>; paging included unless <paramref name="paged"/> is false (facets).</summary>
    public ImageQuery ToQuery(string? project, bool paged = true)
    {
        var text = new List<TextFilter>();
        if (Statuses.Count > 0)
        {
            text.Add(new TextFilter("status", FilterOperator.In, Statuses));
        }
        if (DiskFormats.Count > 0)
        {
            text.Add(new TextFilter("disk_format", FilterOperator.In, DiskFormats));
        }
        if (ContainerFormats.Count > 0)
        {
            text.Add(new TextFilter("container_format", FilterOperator.In, ContainerFormats));
        }
        if (Scope == "mine" && project is not null)
        {
            text.Add(new TextFilter("owner", FilterOperator.Eq, [project]));
        }
        if (Owner is not null)
        {
            text.Add(new TextFilter("owner", FilterOperator.Eq, [Owner]));
        }
        var numbers = new List<NumberFilter>();
        if (SizeMinMib is { } min)
        {
            numbers.Add(new NumberFilter("size", FilterOperator.Gte, min * 1024 * 1024));
        }
        if (SizeMaxMib is { } max)
        {
            numbers.Add(new NumberFilter("size", FilterOperator.Lte, max * 1024 * 1024));
        }
        var dates = new List<DateFilter>();
        void Range(string field, DateOnly? from, DateOnly? to)
        {
            if (from is { } f)
            {
                dates.Add(new DateFilter(field, FilterOperator.Gte, f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            }
            if (to is { } t)
            {
                dates.Add(new DateFilter(field, FilterOperator.Lt, t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            }
        }
        Range("created_at", CreatedFrom, CreatedTo);
        Range("updated_at", UpdatedFrom, UpdatedTo);

        ImageVisibility? visibility = Scope switch
        {
            "shared" => ImageVisibility.Shared,
            "public" => ImageVisibility.Public,
            "community" => ImageVisibility.Community,
            _ => null,
        };
        if (Visibility is not null && ImageVisibilityNames.TryParse(Visibility, out var chosen))
        {
            visibility = chosen;
        }
        return new ImageQuery
        {
            Limit = paged ? PageSize : null,
            Marker = paged ? Marker : null,
            Sort = Sort is null ? [] : [new SortKey(Sort == "name" ? SortKey.FoldedName : Sort, Descending)],
            Visibility = visibility,
            OwnerNot = Scope == "shared" ? project : null,
            TextFilters = text,
            NumberFilters = numbers,
            DateFilters = dates,
            PropertyFilters = Properties,
            Tags = Tags,
            Search = string.IsNullOrWhiteSpace(Search) ? null : ImageSearch.Parse(Search),
        };
    }
}
