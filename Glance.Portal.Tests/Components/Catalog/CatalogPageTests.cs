using Bunit;
using Glance.Domain.Images;
using Glance.Portal.Components.Pages;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;

namespace Glance.Portal.Tests.Components.Catalog;

/// <summary>The catalog page over the real domain: what the URL asks for is what the grid and the chips show.</summary>
public sealed class CatalogPageTests : PortalComponentContext
{
    private async Task SeedAsync()
    {
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var images = Service<ImageService>();
        await images.CreateAsync(alice, new NewImage { Name = "Ubuntu noble", DiskFormat = "qcow2", Properties = new Dictionary<string, string?> { ["os_distro"] = "ubuntu" } });
        await images.CreateAsync(alice, new NewImage { Name = "Debian bookworm", DiskFormat = "raw", Properties = new Dictionary<string, string?> { ["os_distro"] = "debian" } });
        await images.CreateAsync(alice, new NewImage { Name = "<script>alert(1)</script>", DiskFormat = "iso" });
        await images.CreateAsync(SignIn("bob", "demo-b", "member", "reader"), new NewImage { Name = "bob's private", Visibility = ImageVisibility.Private });
        SignIn("alice", "demo-a", "member", "reader");
    }

    private IRenderedComponent<Glance.Portal.Components.Pages.Catalog> RenderAt(string url)
    {
        Service<NavigationManager>().NavigateTo(url);
        return Render<Glance.Portal.Components.Pages.Catalog>();
    }

    private static string[] Names(IRenderedComponent<Glance.Portal.Components.Pages.Catalog> cut) =>
        cut.FindAll("[data-testid=image-link]").Select(a => a.TextContent).ToArray();

    [Fact]
    public async Task A_member_is_offered_create_and_a_reader_is_told_why_not()
    {
        await SeedAsync();
        var member = RenderAt("images");
        member.WaitForAssertion(() => Assert.Single(member.FindAll("[data-testid=create-image]")));

        SignIn("carol", "demo-a", "reader");
        var reader = RenderAt("images");

        reader.WaitForAssertion(() => Assert.Equal(3, Names(reader).Length));
        Assert.Empty(reader.FindAll("[data-testid=create-image]"));
        Assert.Contains("Your role in project demo-a does not let you create images", reader.Find("[data-testid=create-image-absent]").TextContent);
    }

    [Fact]
    public async Task All_i_can_use_says_plainly_that_it_leaves_out_other_projects_community_images()
    {
        var bob = SignIn("bob", "demo-b", "member", "reader");
        await Service<ImageService>().CreateAsync(bob, new NewImage { Name = "bob's community", Visibility = ImageVisibility.Community });
        SignIn("alice", "demo-a", "member", "reader");

        var all = RenderAt("images");
        all.WaitForAssertion(() => Assert.Contains("Community images appear here only when your project owns them", all.Find("[data-testid=scope-note]").TextContent));
        Assert.DoesNotContain("bob's community", Names(all));

        var community = RenderAt("images?scope=community");
        community.WaitForAssertion(() => Assert.Contains("bob's community", Names(community)));
        Assert.Empty(community.FindAll("[data-testid=scope-note]"));
    }

    [Fact]
    public async Task The_os_facet_reaches_every_value_not_only_the_first_ten()
    {
        var alice = SignIn("alice", "demo-a", "member", "reader");
        for (var i = 0; i < 12; i++)
        {
            await Service<ImageService>().CreateAsync(alice, new NewImage { Name = $"os {i}", Properties = new Dictionary<string, string?> { ["os_distro"] = $"distro{i:00}" } });
        }

        var cut = RenderAt("images");
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("[data-testid^=facet-os_distro-distro]").Count));

        cut.WaitForAssertion(() => cut.Find("[data-testid=facet-os_distro-more]").Click());

        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("[data-testid^=facet-os_distro-distro]").Count));
        Assert.Equal("Fewer", cut.Find("[data-testid=facet-os_distro-more]").TextContent.Trim());
    }

    [Fact]
    public async Task The_grid_shows_what_the_caller_may_list_and_names_stay_text()
    {
        await SeedAsync();

        var cut = RenderAt("images");

        cut.WaitForAssertion(() => Assert.Equal(["<script>alert(1)</script>", "Debian bookworm", "Ubuntu noble"], Names(cut)));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup);
        Assert.DoesNotContain("<script>alert(1)", cut.Markup);
        // The count comes with the facets, which arrive after the page.
        cut.WaitForAssertion(() => Assert.Equal("3 images", cut.Find("[data-testid=result-count]").TextContent));
    }

    [Fact]
    public async Task Search_and_filters_from_the_url_narrow_the_grid_and_the_facet_counts()
    {
        await SeedAsync();

        var cut = RenderAt("images?q=debian");

        cut.WaitForAssertion(() => Assert.Equal(["Debian bookworm"], Names(cut)));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=facet-disk-raw] .facet-count").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=facet-disk-qcow2]"));
    }

    [Fact]
    public async Task A_facet_chip_puts_its_filter_in_the_url_and_the_grid_follows()
    {
        await SeedAsync();
        var cut = RenderAt("images");
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Length));

        // The facets arrive after the page: click the chip once it is there and stands still.
        cut.WaitForAssertion(() => cut.Find("[data-testid=facet-os_distro-ubuntu]").Click());

        cut.WaitForAssertion(() => Assert.EndsWith("images?p.os_distro=ubuntu", Service<NavigationManager>().Uri));
        cut.WaitForAssertion(() => Assert.Equal(["Ubuntu noble"], Names(cut)));
        Assert.Equal("true", cut.Find("[data-testid=facet-os_distro-ubuntu]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Sorting_paging_and_hidden_columns_come_from_the_url()
    {
        await SeedAsync();

        var cut = RenderAt("images?sort=name:asc&limit=2&hide=owner");

        cut.WaitForAssertion(() => Assert.Equal(["<script>alert(1)</script>", "Debian bookworm"], Names(cut)));
        Assert.DoesNotContain(cut.FindAll("th"), th => th.TextContent.Contains("Owner"));
        var next = cut.Find("[data-testid=page-next]").GetAttribute("href")!;
        Assert.Contains("after=", next);

        Service<NavigationManager>().NavigateTo(next);
        cut.WaitForAssertion(() => Assert.Equal(["Ubuntu noble"], Names(cut)));
        Assert.Equal("Page 2", cut.Find("[data-testid=page-number]").TextContent);
    }

    [Fact]
    public async Task Name_sort_ignores_case_across_pages_while_the_api_keeps_glances_byte_order()
    {
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var images = Service<ImageService>();
        foreach (var name in new[] { "zeta", "Alpine", "beta", "Ceph", "alpha", "Élan" })
        {
            await images.CreateAsync(alice, new NewImage { Name = name });
        }

        var cut = RenderAt("images?sort=name:asc&limit=4");
        cut.WaitForAssertion(() => Assert.Equal(["alpha", "Alpine", "beta", "Ceph"], Names(cut)));
        Service<NavigationManager>().NavigateTo(cut.Find("[data-testid=page-next]").GetAttribute("href")!);
        cut.WaitForAssertion(() => Assert.Equal(["zeta", "Élan"], Names(cut)));

        var api = await images.ListAsync(alice, new ImageQuery { Sort = [new SortKey("name", false)] });
        Assert.Equal(["Alpine", "Ceph", "alpha", "beta", "zeta", "Élan"], api.Images.Select(i => i.Name));
    }

    [Fact]
    public async Task The_shared_with_me_scope_leaves_out_my_own_images()
    {
        await SeedAsync();

        var cut = RenderAt("images?scope=shared");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-results]")));
        Assert.Equal("page", cut.Find("[data-testid=scope-shared]").GetAttribute("aria-current"));
    }
}
