using Glance.Domain.Images;
using Glance.Portal.Components.Catalog;

namespace Glance.Portal.Tests.Components.Catalog;

/// <summary>The catalog's state and its URL, both ways, and the domain query it makes.</summary>
public sealed class CatalogStateTests
{
    private static CatalogState Read(string query) => CatalogState.FromUri("http://portal/images" + query);

    [Fact]
    public void Every_part_of_the_state_survives_the_url()
    {
        var state = new CatalogState
        {
            Scope = "mine",
            Search = "ubuntu -arm",
            Statuses = ["active", "queued"],
            Visibility = "shared",
            DiskFormats = ["qcow2"],
            ContainerFormats = ["bare"],
            Owner = "demo-b",
            Tags = ["lts", "web"],
            Properties = new Dictionary<string, string> { ["os_distro"] = "ubuntu", ["hw_disk_bus"] = "virtio" },
            SizeMinMib = 10,
            SizeMaxMib = 2048,
            CreatedFrom = new DateOnly(2026, 1, 1),
            CreatedTo = new DateOnly(2026, 11, 30),
            UpdatedFrom = new DateOnly(2026, 6, 1),
            Sort = "name",
            Descending = true,
            Marker = "m3",
            Trail = ["m1", "m2"],
            PageSize = 50,
            HiddenColumns = ["owner", "updated"],
        };

        var again = Read(state.ToQueryString());

        Assert.Equal(state.ToQueryString(), again.ToQueryString());
        Assert.Equal(state.Properties, again.Properties);
        Assert.Equal(state.Trail, again.Trail);
        Assert.Equal((state.Sort, state.Descending, state.PageNumber), (again.Sort, again.Descending, again.PageNumber));
    }

    [Fact]
    public void Nonsense_in_the_url_falls_back_to_defaults()
    {
        var state = Read("?scope=everything&sort=evil:desc&limit=100000&size_min=-3&created_from=yesterday&visibility=secret");

        Assert.Equal("all", state.Scope);
        Assert.Null(state.Sort);
        Assert.Equal(200, state.PageSize);
        Assert.Null(state.SizeMinMib);
        Assert.Null(state.CreatedFrom);
        Assert.Null(state.Visibility);
        Assert.Equal("", new CatalogState().ToQueryString());
    }

    [Fact]
    public void Keyset_paging_keeps_the_markers_of_earlier_pages_for_previous()
    {
        var first = new CatalogState();
        var second = first.NextPage("a");
        var third = second.NextPage("b");

        Assert.Equal((null, 1), (first.Marker, first.PageNumber));
        Assert.Equal(("b", 3), (third.Marker, third.PageNumber));
        Assert.Equal(["a"], third.Trail);
        Assert.Equal(second.ToQueryString(), third.PreviousPage().ToQueryString());
        Assert.Equal(first.ToQueryString(), second.PreviousPage().ToQueryString());
        Assert.Equal(first.ToQueryString(), third.FirstPage().ToQueryString());
    }

    [Fact]
    public void Scopes_become_the_domain_query_glance_would_run()
    {
        var mine = Read("?scope=mine").ToQuery("demo-a");
        Assert.Contains(mine.TextFilters, f => f is { Field: "owner" } && f.Values.SequenceEqual(["demo-a"]));

        var shared = Read("?scope=shared").ToQuery("demo-a");
        Assert.Equal((ImageVisibility.Shared, "demo-a"), (shared.Visibility, shared.OwnerNot));

        Assert.Equal(ImageVisibility.Community, Read("?scope=community").ToQuery("demo-a").Visibility);
        Assert.Null(Read("").ToQuery("demo-a").Visibility);
    }

    [Fact]
    public void Filters_become_glance_filters_with_sizes_in_bytes_and_whole_days()
    {
        var query = Read("?status=active,queued&disk=qcow2&size_min=1&size_max=2&created_from=2026-01-01&created_to=2026-01-31&tag=lts&p.os_distro=ubuntu&q=noble&sort=size:desc&limit=10&after=m").ToQuery("p");

        Assert.Contains(query.TextFilters, f => f is { Field: "status" } && f.Values.SequenceEqual(["active", "queued"]));
        Assert.Contains(new NumberFilter("size", FilterOperator.Gte, 1024 * 1024), query.NumberFilters);
        Assert.Contains(new NumberFilter("size", FilterOperator.Lte, 2 * 1024 * 1024), query.NumberFilters);
        Assert.Contains(new DateFilter("created_at", FilterOperator.Gte, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), query.DateFilters);
        Assert.Contains(new DateFilter("created_at", FilterOperator.Lt, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)), query.DateFilters);
        Assert.Equal(["lts"], query.Tags);
        Assert.Equal("ubuntu", query.PropertyFilters["os_distro"]);
        Assert.Equal(["noble"], query.Search!.Words);
        Assert.Equal([new SortKey("size", true)], query.Sort);
        Assert.Equal((10, "m"), (query.Limit, query.Marker));
        var facets = Read("?after=m&limit=10").ToQuery("p", paged: false);
        Assert.Equal((null, null), (facets.Limit, facets.Marker));
    }

    [Fact]
    public void A_facet_chip_toggles_its_filter_and_goes_back_to_the_first_page()
    {
        var state = new CatalogState().NextPage("x");

        var on = FacetChips.Toggle(state, "os_distro", "ubuntu");
        var off = FacetChips.Toggle(on, "os_distro", "ubuntu");

        Assert.Equal("ubuntu", on.Properties["os_distro"]);
        Assert.Null(on.Marker);
        Assert.Empty(off.Properties);
        Assert.Equal(["active"], FacetChips.Toggle(state, "status", "active").Statuses);
        Assert.Equal("demo-b", FacetChips.Toggle(state, "owner", "demo-b").Owner);
        Assert.Equal("public", FacetChips.Toggle(state, "visibility", "public").Visibility);
    }
}
