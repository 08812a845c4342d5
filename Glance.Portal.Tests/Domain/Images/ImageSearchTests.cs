using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Persistence.Sqlite;
using Glance.Portal.Tests.Configuration;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Images;

/// <summary>The portal's search through the domain, on the real trigram index that triggers keep in step.</summary>
public sealed class ImageSearchTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();
    private readonly CallerContext _caller = new("u", "S", ["member", "reader"]);
    private ImageService _images = null!;

    public async ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();
        await Create("Ubuntu 24.04 LTS", ("os_distro", "ubuntu"), ("description", "Noble Numbat server image"));
        await Create("debian-12-genericcloud", ("os_distro", "debian"), ("description", "Bookworm for clouds"));
        await Create("Fedora CoreOS", ("os_distro", "fedora"), ("hw_disk_bus", "virtio"));
        await Create("cirros", ("os_distro", "cirros"));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<Image> Create(string name, params (string Key, string Value)[] properties) =>
        _images.CreateAsync(_caller, new NewImage { Name = name, Properties = properties.ToDictionary(p => p.Key, p => (string?)p.Value) });

    private async Task<string[]> SearchAsync(string text) =>
        (await _images.ListAsync(_caller, new ImageQuery { Search = ImageSearch.Parse(text) })).Images
            .Select(i => i.Name!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Words_match_case_insensitive_substrings_of_names_descriptions_and_values()
    {
        Assert.Equal(["Ubuntu 24.04 LTS"], await SearchAsync("buntu"));
        Assert.Equal(["Ubuntu 24.04 LTS"], await SearchAsync("NUMBAT"));
        Assert.Equal(["debian-12-genericcloud"], await SearchAsync("bookworm"));
        Assert.Equal(["Fedora CoreOS"], await SearchAsync("virt"));
        Assert.Equal(["debian-12-genericcloud"], await SearchAsync("cloud generic"));
    }

    [Fact]
    public async Task Short_words_match_names()
    {
        Assert.Equal(["debian-12-genericcloud"], await SearchAsync("12"));
    }

    [Fact]
    public async Task Minus_excludes_and_property_conditions_take_or_and_not()
    {
        Assert.Equal(["Fedora CoreOS", "Ubuntu 24.04 LTS", "cirros"], await SearchAsync("-debian"));
        Assert.Equal(["Ubuntu 24.04 LTS", "debian-12-genericcloud"], await SearchAsync("os_distro=ubuntu|debian"));
        Assert.Equal(["Fedora CoreOS", "Ubuntu 24.04 LTS", "debian-12-genericcloud"], await SearchAsync("os_distro!=cirros"));
        Assert.Equal(["Ubuntu 24.04 LTS"], await SearchAsync("os_distro=ubuntu|debian -bookworm"));
        Assert.Equal(["Ubuntu 24.04 LTS"], await SearchAsync("\"24.04 LTS\""));
    }

    [Fact]
    public async Task The_index_follows_renames_property_changes_and_deletes()
    {
        var image = await Create("scratch-image", ("os_distro", "alpine"));
        Assert.Equal(["scratch-image"], await SearchAsync("alpine"));

        await _images.UpdateAsync(_caller, image.Id, [ImageChange.Replace("name", "renamed-thing"), ImageChange.Replace("os_distro", "gentoo")]);
        Assert.Empty(await SearchAsync("scratch"));
        Assert.Empty(await SearchAsync("alpine"));
        Assert.Equal(["renamed-thing"], await SearchAsync("gentoo"));

        await _images.DeleteAsync(_caller, image.Id);
        Assert.Empty(await SearchAsync("renamed"));
    }

    [Fact]
    public async Task Search_stays_within_what_the_caller_may_list()
    {
        var stranger = new CallerContext("x", "other-project", ["member"]);

        var found = await _images.ListAsync(stranger, new ImageQuery { Search = ImageSearch.Parse("ubuntu") });

        Assert.Empty(found.Images);
    }

    [Fact]
    public async Task Facets_count_the_searched_set()
    {
        var facets = await _images.FacetsAsync(_caller, new ImageQuery { Search = ImageSearch.Parse("-cirros") });

        Assert.Equal(3, facets.Total);
        Assert.Equal(3, facets.Visibility["shared"]);
        Assert.Equal(3, facets.Status["queued"]);
        Assert.Equal(1, facets.OsDistro["fedora"]);
        Assert.False(facets.OsDistro.ContainsKey("cirros"));
        Assert.Equal(3, facets.Owner["S"]);
    }

    [Fact]
    public async Task Names_beginning_with_the_first_word_rank_first_and_markers_page_through_both_parts()
    {
        // Newest first by default, so without ranking the remix (created last) would lead.
        await Create("my-fedora-remix", ("os_distro", "fedora"));
        await Create("Fedora Rawhide");
        await Create("centos", ("description", "not fedora at all"));

        var query = new ImageQuery { Search = ImageSearch.Parse("fedora") };
        var page = await _images.ListAsync(_caller, query);
        Assert.Equal(["Fedora Rawhide", "Fedora CoreOS", "centos", "my-fedora-remix"], page.Images.Select(i => i.Name));

        var paged = new List<string>();
        string? marker = null;
        do
        {
            page = await _images.ListAsync(_caller, query with { Limit = 1, Marker = marker });
            paged.AddRange(page.Images.Select(i => i.Name!));
            marker = page.Images.LastOrDefault()?.Id;
        }
        while (page.HasMore);
        Assert.Equal(["Fedora Rawhide", "Fedora CoreOS", "centos", "my-fedora-remix"], paged);

        // An explicit order is kept as asked.
        var byName = await _images.ListAsync(_caller, query with { Sort = [new SortKey("name", false)] });
        Assert.Equal(["Fedora CoreOS", "Fedora Rawhide", "centos", "my-fedora-remix"], byName.Images.Select(i => i.Name));
    }

    [Fact]
    public async Task Short_words_match_property_values_and_like_wildcards_are_literal()
    {
        await Create("with_underscore");
        await Create("with underscore", ("note", "100% free"));

        Assert.Equal(["with_underscore"], await SearchAsync("h_u"));
        Assert.Equal(["with underscore"], await SearchAsync("0%"));
        Assert.Equal(["Ubuntu 24.04 LTS"], await SearchAsync("nu"));
    }
}

/// <summary>The walking path of the search (a common word), which a small catalog never takes on its own.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ImageSearchWalkTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();
    private readonly CallerContext _caller = new("u", "S", ["member", "reader"]);
    private ImageService _images = null!;

    public async ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();
        foreach (var (name, description) in new[] { ("alpha", "cloud image"), ("beta", "desktop"), ("gamma", "cloud server"), ("cloudy", "") })
        {
            await _images.CreateAsync(_caller, new NewImage { Name = name, Properties = new Dictionary<string, string?> { ["description"] = description } });
        }
    }

    public ValueTask DisposeAsync()
    {
        ImageSearchFilters.SelectiveMatches = 5_000;
        return _factory.DisposeAsync();
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(1)]
    public async Task The_index_and_the_walk_find_the_same_images(int selective)
    {
        ImageSearchFilters.SelectiveMatches = selective;

        var page = await _images.ListAsync(_caller, new ImageQuery { Search = ImageSearch.Parse("cloud -server") });
        var facets = await _images.FacetsAsync(_caller, new ImageQuery { Search = ImageSearch.Parse("cloud") });

        Assert.Equal(["cloudy", "alpha"], page.Images.Select(i => i.Name));
        Assert.Equal(3, facets.Total);
    }
}
