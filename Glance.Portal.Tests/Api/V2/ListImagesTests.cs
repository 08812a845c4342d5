using System.Net;
using System.Text.Json.Nodes;
using Glance.Domain.Members;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>
/// A small world of images owned by projects P and Q, shared in every member status, to check which
/// images each caller lists (glance-v2-reference §4.4).
/// </summary>
public sealed class ImageVisibilityWorld : PortalApiFactory, IAsyncLifetime
{
    public Dictionary<string, string> Ids { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var p = ClientFor("P");
        var q = ClientFor("Q");
        var admin = AdminClient();
        Ids["public"] = (await admin.CreateImageAsync(new { name = "public", visibility = "public", owner = "Q" })).Id();
        Ids["q-private"] = (await q.CreateImageAsync(new { name = "q-private", visibility = "private" })).Id();
        Ids["q-accepted"] = (await q.CreateImageAsync(new { name = "q-accepted" })).Id();
        Ids["q-pending"] = (await q.CreateImageAsync(new { name = "q-pending" })).Id();
        Ids["q-rejected"] = (await q.CreateImageAsync(new { name = "q-rejected" })).Id();
        Ids["q-unshared"] = (await q.CreateImageAsync(new { name = "q-unshared" })).Id();
        Ids["q-community"] = (await q.CreateImageAsync(new { name = "q-community", visibility = "community" })).Id();
        Ids["p-private"] = (await p.CreateImageAsync(new { name = "p-private", visibility = "private" })).Id();
        Ids["p-shared"] = (await p.CreateImageAsync(new { name = "p-shared" })).Id();
        Ids["p-community"] = (await p.CreateImageAsync(new { name = "p-community", visibility = "community" })).Id();
        Ids["p-hidden"] = (await p.CreateImageAsync(new { name = "p-hidden", visibility = "private", os_hidden = true })).Id();

        await WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.ImageMembers.Add(Member(Ids["q-accepted"], "P", MemberStatus.Accepted, now));
            db.ImageMembers.Add(Member(Ids["q-pending"], "P", MemberStatus.Pending, now));
            db.ImageMembers.Add(Member(Ids["q-rejected"], "P", MemberStatus.Rejected, now));
            db.ImageMembers.Add(Member(Ids["q-unshared"], "R", MemberStatus.Accepted, now));
            await db.SaveChangesAsync();
        });
    }

    private static ImageMember Member(string imageId, string project, MemberStatus status, DateTime now)
    {
        var member = new ImageMember(imageId, project, now);
        member.ChangeStatus(status, now);
        return member;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

public sealed class ListImagesVisibilityTests(ImageVisibilityWorld world) : IClassFixture<ImageVisibilityWorld>
{
    private async Task<string[]> NamesAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/image/v2/images?limit=100{query}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["images"]!.AsArray().Select(i => (string)i!["name"]!).Order().ToArray();
    }

    [Fact]
    public async Task The_default_list_is_public_own_and_accepted_shares()
    {
        Assert.Equal(["p-community", "p-private", "p-shared", "public", "q-accepted"], await NamesAsync(world.ClientFor("P")));
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("member")]
    [InlineData("member,reader")]
    public async Task Non_admin_roles_see_the_same_lists(string roles)
    {
        var client = world.ClientFor("P", roles.Split(','));

        Assert.Equal(["p-community", "p-private", "p-shared", "public", "q-accepted"], await NamesAsync(client));
        Assert.Equal(["p-shared", "q-pending"], await NamesAsync(client, "&visibility=shared&member_status=pending"));
        Assert.Equal(["p-community", "p-private", "p-shared", "public", "q-accepted", "q-community"], await NamesAsync(client, "&visibility=all"));
    }

    [Fact]
    public async Task Admins_ignore_member_status()
    {
        var admin = world.AdminClient();

        Assert.Equal(await NamesAsync(admin, "&visibility=shared"), await NamesAsync(admin, "&visibility=shared&member_status=rejected"));
    }

    [Fact]
    public async Task Community_images_of_everyone_show_when_asked_for()
    {
        Assert.Equal(["p-community", "q-community"], await NamesAsync(world.ClientFor("P"), "&visibility=community"));
    }

    [Fact]
    public async Task Shared_lists_own_shared_images_and_shares_in_the_asked_status()
    {
        var p = world.ClientFor("P");
        Assert.Equal(["p-shared", "q-accepted"], await NamesAsync(p, "&visibility=shared"));
        Assert.Equal(["p-shared", "q-pending"], await NamesAsync(p, "&visibility=shared&member_status=pending"));
        Assert.Equal(["p-shared", "q-rejected"], await NamesAsync(p, "&visibility=shared&member_status=rejected"));
        Assert.Equal(["p-shared", "q-accepted", "q-pending", "q-rejected"], await NamesAsync(p, "&visibility=shared&member_status=all"));
    }

    [Fact]
    public async Task Pending_shares_appear_in_the_default_list_when_asked_for()
    {
        Assert.Equal(["p-community", "p-private", "p-shared", "public", "q-pending"], await NamesAsync(world.ClientFor("P"), "&member_status=pending"));
    }

    [Fact]
    public async Task All_adds_other_projects_community_images()
    {
        Assert.Equal(["p-community", "p-private", "p-shared", "public", "q-accepted", "q-community"], await NamesAsync(world.ClientFor("P"), "&visibility=all"));
    }

    [Fact]
    public async Task Private_lists_only_the_callers_private_images()
    {
        Assert.Equal(["p-private"], await NamesAsync(world.ClientFor("P"), "&visibility=private"));
        Assert.Equal(["public"], await NamesAsync(world.ClientFor("P"), "&visibility=public"));
    }

    [Fact]
    public async Task Hidden_images_show_only_when_asked_for()
    {
        Assert.Equal(["p-hidden"], await NamesAsync(world.ClientFor("P"), "&os_hidden=true"));
        Assert.Equal(["p-hidden"], await NamesAsync(world.ClientFor("P"), "&os_hidden=True"));
    }

    [Fact]
    public async Task A_project_that_is_only_a_member_of_an_unshared_image_sees_it_once_accepted()
    {
        Assert.Equal(["public", "q-unshared"], await NamesAsync(world.ClientFor("R")));
    }

    [Fact]
    public async Task Admins_see_every_image_but_foreign_community_ones_by_default()
    {
        var admin = world.AdminClient();
        Assert.Equal(["p-private", "p-shared", "public", "q-accepted", "q-pending", "q-private", "q-rejected", "q-unshared"], await NamesAsync(admin));
        Assert.Contains("q-community", await NamesAsync(admin, "&visibility=all"));
        Assert.Equal(["p-private", "q-private"], await NamesAsync(admin, "&visibility=private"));
    }

    [Theory]
    [InlineData("visibility=everyone")]
    [InlineData("member_status=maybe")]
    [InlineData("os_hidden=yes")]
    [InlineData("protected=True")]
    [InlineData("changes-since=2020-01-01")]
    [InlineData("size_min=big")]
    public async Task Bad_filter_values_are_400(string query)
    {
        var response = await world.ClientFor("P").GetAsync($"/image/v2/images?{query}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Simple_filters_narrow_the_list()
    {
        var p = world.ClientFor("P");
        Assert.Equal(["p-shared"], await NamesAsync(p, "&name=p-shared"));
        Assert.Equal(["p-private"], await NamesAsync(p, "&visibility=private&status=queued"));
        Assert.Empty(await NamesAsync(p, "&status=no-such-status"));
        Assert.Equal(["public"], await NamesAsync(p, "&owner=Q&visibility=public"));
    }
}

public sealed class ListImagesPagingTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new PortalApiFactory().With("Glance:Limits:ApiLimitMax", "5");
    private HttpClient _client = null!;
    private readonly List<string> _createdOrder = [];

    public async ValueTask InitializeAsync()
    {
        _client = _factory.ClientFor("X");
        foreach (var name in new[] { "delta", "alpha", "echo", "charlie", "bravo", "golf", "foxtrot" })
        {
            _createdOrder.Add((await _client.CreateImageAsync(new { name, visibility = "private", tags = new[] { "t1", "t2" }, disk_format = "raw", container_format = "bare" })).Id());
            await Task.Delay(5);
        }
        // Two of them active, so that status ordering has something to order.
        await (await _client.UploadAsync(_createdOrder[0], [1])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await (await _client.UploadAsync(_createdOrder[1], [1, 2])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    /// <summary>Follows <c>next</c> links from the first page and returns every page's names.</summary>
    private async Task<List<string[]>> PagesAsync(string query)
    {
        var pages = new List<string[]>();
        string? link = $"/v2/images?{query}";
        while (link is not null && pages.Count < 20)
        {
            var response = await _client.GetAsync("/image" + link);
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
            var body = await response.ReadJsonAsync();
            pages.Add(body["images"]!.AsArray().Select(i => (string)i!["name"]!).ToArray());
            link = (string?)body["next"];
        }
        return pages;
    }

    [Fact]
    public async Task Marker_paging_walks_the_list_newest_first()
    {
        var pages = await PagesAsync("limit=3");

        Assert.Equal(["foxtrot", "golf", "bravo"], pages[0]);
        Assert.Equal(["charlie", "echo", "alpha"], pages[1]);
        Assert.Equal(["delta"], pages[2]);
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public async Task A_full_last_page_still_has_a_next_link_to_an_empty_page()
    {
        var pages = await PagesAsync("status=active&limit=2");

        Assert.Equal(2, pages.Count);
        Assert.Equal(["alpha", "delta"], pages[0]);
        Assert.Empty(pages[1]);
    }

    [Theory]
    [InlineData("sort_key=name&sort_dir=asc&limit=2")]
    [InlineData("sort=name:asc&limit=4")]
    public async Task Sorting_by_name_pages_by_name(string query)
    {
        var names = (await PagesAsync(query)).SelectMany(p => p).ToArray();

        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"], names);
    }

    [Fact]
    public async Task Several_sort_keys_with_their_own_directions_page_correctly()
    {
        var names = (await PagesAsync("sort=status:asc,name:desc&limit=2")).SelectMany(p => p).ToArray();

        Assert.Equal(["delta", "alpha", "golf", "foxtrot", "echo", "charlie", "bravo"], names);
    }

    [Fact]
    public async Task Classic_sort_keys_take_one_direction_each()
    {
        var names = (await PagesAsync("sort_key=size&sort_key=name&sort_dir=desc&sort_dir=asc&limit=3")).SelectMany(p => p).ToArray();

        Assert.Equal(["alpha", "delta", "bravo", "charlie", "echo", "foxtrot", "golf"], names);
    }

    [Fact]
    public async Task Links_carry_every_filter_and_replace_the_marker()
    {
        var response = await _client.GetAsync("/image/v2/images?tag=t1&tag=t2&limit=2&sort_key=name&sort_dir=asc");
        var body = await response.ReadJsonAsync();

        Assert.Equal("/v2/images?tag=t1&tag=t2&limit=2&sort_key=name&sort_dir=asc", (string?)body["first"]);
        var next = (string?)body["next"];
        Assert.StartsWith("/v2/images?tag=t1&tag=t2&limit=2&sort_key=name&sort_dir=asc&marker=", next);
        var second = await (await _client.GetAsync("/image" + next)).ReadJsonAsync();
        Assert.Equal(["charlie", "delta"], second["images"]!.AsArray().Select(i => (string)i!["name"]!));
        Assert.DoesNotContain("marker=" + body["images"]![0]!["id"], (string?)second["first"]);
    }

    [Fact]
    public async Task The_first_link_of_a_plain_list_is_the_bare_path()
    {
        var body = await (await _client.GetAsync("/image/v2/images")).ReadJsonAsync();

        Assert.Equal("/v2/images", (string?)body["first"]);
        Assert.Equal("/v2/schemas/images", (string?)body["schema"]);
    }

    [Fact]
    public async Task The_limit_is_capped_at_api_limit_max()
    {
        var body = await (await _client.GetAsync("/image/v2/images?limit=100")).ReadJsonAsync();

        Assert.Equal(5, body["images"]!.AsArray().Count);
        Assert.NotNull(body["next"]);
    }

    [Fact]
    public async Task A_limit_of_zero_returns_no_images()
    {
        var body = await (await _client.GetAsync("/image/v2/images?limit=0")).ReadJsonAsync();

        Assert.Empty(body["images"]!.AsArray());
    }

    [Theory]
    [InlineData("limit=abc", "limit param must be an integer")]
    [InlineData("limit=-1", "limit param must be positive")]
    [InlineData("sort_key=owner", "Invalid sort key")]
    [InlineData("sort_dir=up", "Invalid sort direction")]
    [InlineData("sort=name:up", "Invalid sort direction")]
    [InlineData("sort=name:asc&sort_key=size", "sort")]
    [InlineData("sort_key=name&sort_key=size&sort_key=id&sort_dir=asc&sort_dir=desc", "Number of sort dirs does not match")]
    [InlineData("marker=00000000-0000-0000-0000-000000000000", "marker")]
    public async Task Bad_paging_parameters_are_400(string query, string message)
    {
        var response = await _client.GetAsync($"/image/v2/images?{query}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Fact]
    public async Task A_marker_the_caller_cannot_see_is_403_as_in_Glance()
    {
        var response = await _factory.ClientFor("Y").GetAsync($"/image/v2/images?marker={_createdOrder[0]}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tag_filters_require_every_tag()
    {
        var both = await (await _client.GetAsync("/image/v2/images?tag=t1&tag=t2&limit=5")).ReadJsonAsync();
        var missing = await (await _client.GetAsync("/image/v2/images?tag=t1&tag=t3")).ReadJsonAsync();

        Assert.Equal(5, both["images"]!.AsArray().Count);
        Assert.Empty(missing["images"]!.AsArray());
    }
}

public sealed class ListImagesPagingStabilityTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("limit=3")]
    [InlineData("limit=3&sort=name:asc")]
    public async Task Pages_neither_repeat_nor_skip_images_while_new_ones_are_created(string query)
    {
        var client = _factory.ClientFor("stable");
        var original = new List<string>();
        for (var n = 0; n < 10; n++)
        {
            original.Add((await client.CreateImageAsync(new { name = $"img-{n:D2}", visibility = "private" })).Id());
        }

        var seen = new List<string>();
        string? link = $"/v2/images?{query}";
        var created = 0;
        while (link is not null)
        {
            var body = await (await client.GetAsync("/image" + link)).ReadJsonAsync();
            seen.AddRange(body["images"]!.AsArray().Select(i => (string)i!["id"]!));
            link = (string?)body["next"];
            // Someone else adds images between our pages; by name they sort first, by date newest.
            await client.CreateImageAsync(new { name = $"a-new-{created++}", visibility = "private" });
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(original.Except(seen));
    }
}
