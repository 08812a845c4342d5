using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Persistence.Sqlite;
using Glance.Portal.Tests.Configuration;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Images;

/// <summary>
/// Facet counts against the list itself, for callers, visibilities, member statuses and kinds of
/// search: by parts (each open visibility through its own search index or its kept counters, the
/// caller's own images, images shared in) and from the rarest word's matches. A small catalog never
/// counts a search by parts on its own, so the cap is lowered to drive them.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class FacetCountTests(FacetCatalog catalog) : IClassFixture<FacetCatalog>, IDisposable
{
    private static readonly CallerContext Admin = FacetCatalog.Admin;
    private readonly ImageService _images = catalog.Images;
    private readonly PortalApiFactory _factory = catalog.Factory;

    private static CallerContext Project(string project) => FacetCatalog.Project(project);

    private Task<string> ImageAsync(string owner, string name, string visibility, string? distro) =>
        catalog.ImageAsync(owner, name, visibility, distro);

    public void Dispose() => ImageSearchFilters.FacetSelectiveMatches = 2_000;

    public static TheoryData<string, string, string?, bool, string?> Queries()
    {
        var data = new TheoryData<string, string, string?, bool, string?>();
        // Common words (each open visibility's own index), nothing (the kept counters), a property
        // condition and a short word (walking each part).
        foreach (var search in new[] { "cloud -legacy", "", "os_distro=ubuntu|debian", "cl" })
        {
            foreach (var caller in new[] { "A", "C", "D", "admin" })
            {
                foreach (var (visibility, all) in new (string?, bool)[] { (null, false), (null, true), ("public", false), ("community", false), ("shared", false), ("private", false) })
                {
                    foreach (var status in new[] { "accepted", "pending", null })
                    {
                        data.Add(search, caller, visibility, all, status);
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Counting_by_parts_counts_exactly_what_the_list_finds(string search, string project, string? visibility, bool all, string? memberStatus)
    {
        var query = new ImageQuery
        {
            Search = ImageSearch.Parse(search),
            Visibility = visibility is null ? null : Enum.Parse<ImageVisibility>(visibility, ignoreCase: true),
            AllVisibilities = all,
            MemberStatus = memberStatus is null ? null : Enum.Parse<MemberStatus>(memberStatus, ignoreCase: true),
        };
        var caller = project == "admin" ? Admin : Project(project);

        ImageSearchFilters.FacetSelectiveMatches = 0;
        await AssertCountsMatchListAsync(caller, query);
        ImageSearchFilters.FacetSelectiveMatches = int.MaxValue;
        await AssertCountsMatchListAsync(caller, query);
    }

    private async Task AssertCountsMatchListAsync(CallerContext caller, ImageQuery query)
    {
        var listed = (await _images.ListAsync(caller, query with { Limit = 1000 })).Images;
        var facets = await _images.FacetsAsync(caller, query);

        Assert.Equal(listed.Count, facets.Total);
        Assert.Equal(Counts(listed, i => i.Visibility.ToWire()), facets.Visibility);
        Assert.Equal(Counts(listed, i => i.Status.ToWire()), facets.Status);
        Assert.Equal(Counts(listed, i => i.DiskFormat ?? ""), facets.DiskFormat);
        Assert.Equal(Counts(listed, i => i.Owner ?? ""), facets.Owner);
        Assert.Equal(Counts(listed, i => i.Properties.FirstOrDefault(p => p.Name == "os_distro")?.Value ?? ""), facets.OsDistro);
    }

    [Fact]
    public async Task The_catalog_holds_images_for_every_part()
    {
        // Guards the theory above against an empty set passing everywhere: D sees every public image
        // that holds "cloud" but not "legacy", and C also its own and the one shared with it.
        ImageSearchFilters.FacetSelectiveMatches = 0;
        var query = new ImageQuery { Search = ImageSearch.Parse("cloud -legacy") };

        var stranger = await _images.FacetsAsync(Project("D"), query);
        var member = await _images.FacetsAsync(Project("C"), query);

        Assert.Equal(new Dictionary<string, int> { ["public"] = 3 }, stranger.Visibility);
        Assert.Equal(new Dictionary<string, int> { ["public"] = 3, ["private"] = 1, ["shared"] = 1 }, member.Visibility);
        Assert.Equal(1, member.OsDistro["fedora"]);
    }

    [Fact]
    public async Task The_open_indexes_the_counters_and_the_os_distro_copy_follow_every_write()
    {
        ImageSearchFilters.FacetSelectiveMatches = 0;
        var owner = Project("E");
        var stranger = Project("D");
        var id = await ImageAsync("E", "zebra-appliance", "public", distro: "arch");
        async Task<ImageFacets> Facets(string text) => await _images.FacetsAsync(stranger, new ImageQuery { Search = ImageSearch.Parse(text) });
        async Task AssertAllAgree()
        {
            foreach (var caller in new[] { owner, stranger, Admin })
            {
                foreach (var query in new[] { new ImageQuery(), new ImageQuery { AllVisibilities = true }, new ImageQuery { OsHidden = true } })
                {
                    await AssertCountsMatchListAsync(caller, query);
                }
            }
        }

        Assert.Equal(1, (await Facets("zebra")).OsDistro["arch"]);
        Assert.Equal(1, (await _images.FacetsAsync(stranger, new ImageQuery())).OsDistro["arch"]);
        await AssertAllAgree();

        await _images.UpdateAsync(owner, id, [ImageChange.Replace("name", "okapi-appliance"), ImageChange.Replace("os_distro", "gentoo")]);
        Assert.Equal(0, (await Facets("zebra")).Total);
        Assert.Equal(new Dictionary<string, int> { ["gentoo"] = 1 }, (await Facets("okapi")).OsDistro);
        Assert.False((await _images.FacetsAsync(stranger, new ImageQuery())).OsDistro.ContainsKey("arch"));
        await AssertAllAgree();

        await _images.UpdateAsync(owner, id, [ImageChange.Remove("os_distro"), ImageChange.Add("note", "striped")]);
        Assert.Equal(new Dictionary<string, int> { [""] = 1 }, (await Facets("striped okapi")).OsDistro);
        await AssertAllAgree();

        await _factory.Services.GetRequiredService<ImageDataService>().UploadAsync(owner, id, new MemoryStream([7, 8, 9]), 3);
        await _images.DeactivateAsync(Admin, id);
        await AssertAllAgree();
        await _images.ReactivateAsync(Admin, id);
        await _images.UpdateAsync(owner, id, [ImageChange.Replace("os_hidden", JsonValue.Create(true))]);
        await AssertAllAgree();
        await _images.UpdateAsync(owner, id, [ImageChange.Replace("os_hidden", JsonValue.Create(false))]);

        await _images.UpdateAsync(owner, id, [ImageChange.Replace("visibility", JsonValue.Create("private"))]);
        Assert.Equal(0, (await Facets("okapi")).Total);
        await AssertAllAgree();

        await _images.UpdateAsync(owner, id, [ImageChange.Replace("visibility", JsonValue.Create("community"))]);
        Assert.Equal(0, (await Facets("okapi")).Total);
        var community = await _images.FacetsAsync(stranger, new ImageQuery { Search = ImageSearch.Parse("okapi"), Visibility = ImageVisibility.Community });
        Assert.Equal(1, community.Total);
        await AssertAllAgree();

        await _images.DeleteAsync(owner, id);
        community = await _images.FacetsAsync(stranger, new ImageQuery { Search = ImageSearch.Parse("okapi"), Visibility = ImageVisibility.Community });
        Assert.Equal(0, community.Total);
        await AssertAllAgree();
    }

    private static Dictionary<string, int> Counts(IEnumerable<Image> images, Func<Image, string> key) =>
        images.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// A small catalog with an image of every kind for every part: projects A and B own one of each
/// visibility, shares go to B, C and A with every answer, and some images are hidden, active or
/// deactivated. Built once for the class; its one test that writes uses a project of its own.
/// </summary>
public sealed class FacetCatalog : IAsyncLifetime
{
    public static readonly CallerContext Admin = new("root", "admin", ["admin", "member", "reader"]);

    public PortalApiFactory Factory { get; } = new();

    public ImageService Images { get; private set; } = null!;

    private MemberService _members = null!;

    public static CallerContext Project(string project) => new($"u-{project}", project, ["member", "reader"]);

    public async ValueTask InitializeAsync()
    {
        Factory.CreateClient();
        Images = Factory.Services.GetRequiredService<ImageService>();
        _members = Factory.Services.GetRequiredService<MemberService>();
        var data = Factory.Services.GetRequiredService<ImageDataService>();

        foreach (var owner in new[] { "A", "B" })
        {
            foreach (var visibility in new[] { "private", "public", "community" })
            {
                await ImageAsync(owner, $"{owner}-{visibility} cloud image", visibility, distro: visibility == "public" ? "ubuntu" : "debian");
            }
            await ImageAsync(owner, $"{owner}-legacy cloud image", "public", distro: null, description: "legacy build");
            await ImageAsync(owner, $"{owner}-desktop", "public", distro: "fedora");
            await ImageAsync(owner, $"{owner}-hidden cloud", "public", distro: "fedora", hidden: true);
        }
        await ImageAsync("A", "A-shared cloud", "shared", "debian", members: [("B", "accepted"), ("C", "pending")]);
        await ImageAsync("B", "B-shared cloud", "shared", "fedora", members: [("A", "rejected"), ("C", "accepted")]);
        await ImageAsync("B", "B-offer cloud", "shared", "ubuntu", members: [("A", "pending")]);
        await ImageAsync("C", "C-private cloud", "private", "alpine");
        // An admin's default list keeps its own project's community images only.
        await ImageAsync("admin", "admin-community cloud", "community", "debian");
        var deactivated = await ImageAsync("A", "A-deactivated cloud", "public", "ubuntu");
        await data.UploadAsync(Project("A"), deactivated, new MemoryStream([1, 2, 3]), 3);
        await Images.DeactivateAsync(Admin, deactivated);
        var active = await ImageAsync("A", "A-active cloud", "private", "ubuntu");
        await data.UploadAsync(Project("A"), active, new MemoryStream([4, 5]), 2);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    public async Task<string> ImageAsync(string owner, string name, string visibility, string? distro,
        string? description = null, bool hidden = false, (string Member, string Answer)[]? members = null)
    {
        var properties = new Dictionary<string, string?>();
        if (distro is not null)
        {
            properties["os_distro"] = distro;
        }
        if (description is not null)
        {
            properties["description"] = description;
        }
        var image = await Images.CreateAsync(Project(owner), new NewImage
        {
            Name = name,
            DiskFormat = visibility == "community" ? "iso" : "qcow2",
            ContainerFormat = "bare",
            OsHidden = hidden,
            Properties = properties,
        });
        foreach (var (member, answer) in members ?? [])
        {
            await _members.AddAsync(Project(owner), image.Id, member);
            if (answer != "pending")
            {
                await _members.UpdateStatusAsync(Project(member), image.Id, member, answer);
            }
        }
        if (visibility != "shared")
        {
            // Publicizing is an admin's in the default policy.
            await Images.UpdateAsync(visibility == "public" ? Admin : Project(owner), image.Id,
                [ImageChange.Replace("visibility", JsonValue.Create(visibility))]);
        }
        return image.Id;
    }
}
