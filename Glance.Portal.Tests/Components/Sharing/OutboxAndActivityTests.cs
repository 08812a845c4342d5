using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Components.Pages;
using Glance.Portal.Components.Sharing;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Components.Sharing;

/// <summary>The owner's outbox and the project's activity page on the real domain.</summary>
public sealed class OutboxAndActivityTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    private async Task ShareAsync()
    {
        var images = Service<ImageService>();
        var members = Service<MemberService>();
        var web = await images.CreateAsync(_alice, new NewImage { Name = "web base" });
        await members.AddAsync(_alice, web.Id, "demo-b");
        await members.AddAsync(_alice, web.Id, "lab");
        await members.UpdateStatusAsync(new CallerContext("bob", "demo-b", ["member", "reader"]), web.Id, "demo-b", "accepted");
        var old = await images.CreateAsync(_alice, new NewImage { Name = "old build" });
        await members.AddAsync(_alice, old.Id, "demo-b");
        await images.UpdateAsync(_alice, old.Id, [ImageChange.Replace("visibility", System.Text.Json.Nodes.JsonValue.Create("private"))]);
    }

    [Fact]
    public async Task The_outbox_lists_every_member_of_every_shared_image_with_its_answer()
    {
        await ShareAsync();
        SignIn("alice", "demo-a", "member", "reader");

        var cut = Render<MyShares>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=outbox-row]").Count));
        Assert.Equal(["demo-b", "demo-b", "lab"], cut.FindAll("[data-testid=outbox-member]").Select(c => c.TextContent));
        Assert.Equal(["pending", "accepted", "pending"], cut.FindAll("[data-testid=outbox-status]").Select(c => c.TextContent));
        Assert.Contains("private (membership unused)", cut.Markup);
    }

    [Fact]
    public async Task Another_project_has_an_empty_outbox()
    {
        await ShareAsync();
        SignIn("bob", "demo-b", "member", "reader");

        var cut = Render<MyShares>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=outbox-empty]")));
    }

    [Fact]
    public async Task The_activity_page_shows_the_projects_trail_newest_first()
    {
        await ShareAsync();
        SignIn("bob", "demo-b", "member", "reader");

        var cut = Render<Activity>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=timeline-entry]")));
        var actions = cut.FindAll("[data-testid=timeline-entry]").Select(e => e.GetAttribute("data-action")).ToList();
        // Bob's project sees the offers made to it and its own answer, not alice's other members.
        Assert.Equal(["member_added", "member_status_changed", "member_added"], actions);
        Assert.Contains("Activity of project demo-b", cut.Markup);
        // Images by name, with the id on hover.
        var links = cut.FindAll("[data-testid=timeline-image]");
        Assert.Equal(["old build", "web base", "web base"], links.Select(a => a.TextContent).ToArray());
        Assert.All(links, a => Assert.Matches("^[0-9a-f-]{36}$", a.GetAttribute("title")!));
    }

    [Fact]
    public async Task The_activity_page_describes_every_kind_of_change_and_filters_by_the_url()
    {
        var images = Service<ImageService>();
        var web = await images.CreateAsync(_alice, new NewImage { Name = "web base" });
        await images.UpdateAsync(_alice, web.Id, [ImageChange.Add("os_distro", System.Text.Json.Nodes.JsonValue.Create("debian")), ImageChange.Replace("protected", System.Text.Json.Nodes.JsonValue.Create(true))]);
        await images.AddTagAsync(new CallerContext("dave", "demo-a", ["member", "reader"]), web.Id, "prod");
        await Service<MemberService>().AddAsync(_alice, web.Id, "demo-b");
        SignIn("alice", "demo-a", "member", "reader");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        navigation.NavigateTo("activity?kind=edits");
        var cut = Render<Activity>();

        cut.WaitForAssertion(() => Assert.Equal(
            ["dave (demo-a) added the tag “prod”.", "alice (demo-a) set os_distro to “debian”.", "alice (demo-a) protected it from deletion."],
            cut.FindAll("[data-testid=timeline-entry] span").Select(s => s.TextContent)));
        Assert.Equal("true", cut.Find("[data-testid=activity-kind-edits]").GetAttribute("aria-current"));
        // The other kinds' buttons add themselves to the URL; clearing goes back to everything.
        Assert.Equal("activity?kind=lifecycle&kind=edits", cut.Find("[data-testid=activity-kind-lifecycle]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=activity-clear]"));

        navigation.NavigateTo("activity?who=dave");
        cut.WaitForAssertion(() => Assert.Equal(["tag_added"], cut.FindAll("[data-testid=timeline-entry]").Select(e => e.GetAttribute("data-action"))));

        navigation.NavigateTo("activity?kind=sharing&from=2001-01-01&to=2001-12-31");
        cut.WaitForAssertion(() => Assert.Equal("No activity matches these filters.", cut.Find("[data-testid=timeline-empty]").TextContent));

        navigation.NavigateTo("activity?kind=nonsense&from=yesterday");
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=timeline-entry]").Count));
    }

    [Theory]
    [InlineData(new[] { "7", "Edits" }, "9999-12-31", "0001-01-01")]
    [InlineData(new[] { "lifecycle", "LIFECYCLE" }, "2026-13-01", null)]
    public void Filters_read_from_a_crafted_url_keep_what_makes_sense(string[] kinds, string? to, string? from)
    {
        var filter = ActivityFilter.Read(kinds, " ", null, from, to);

        Assert.Single(filter.Kinds);
        Assert.Null(filter.Image);
        Assert.Null(filter.To);
        var query = filter.ToQuery();
        Assert.Null(query.Until);
    }
}
