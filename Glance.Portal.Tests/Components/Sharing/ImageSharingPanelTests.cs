using Bunit;
using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.Policies;
using Glance.Portal.Components.Images;
using Glance.Portal.Components.Sharing;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Glance.Portal.Tests.Components.Sharing;

/// <summary>The owner's sharing panel, the offer banner and the activity timeline on the real domain.</summary>
public sealed class ImageSharingPanelTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    private readonly Directory _directory = new();

    public ImageSharingPanelTests() => Services.AddSingleton<IProjectDirectory>(_directory);

    private sealed class Directory : IProjectDirectory
    {
        public DirectoryAudience Audience { get; set; } = DirectoryAudience.Everyone;

        public IReadOnlyList<KnownProject>? Projects { get; set; } = [new("demo-a", "Web team"), new("demo-b", "Data team"), new("lab", "Research lab")];

        public Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default) => Task.FromResult(Projects);
    }

    private async Task<Image> ImageAsync(ImageVisibility visibility = ImageVisibility.Shared, params string[] members)
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web base", Visibility = visibility });
        foreach (var member in members)
        {
            await Service<MemberService>().AddAsync(_alice, image.Id, member);
        }
        return await Service<ImageService>().GetAsync(_alice, image.Id);
    }

    private IRenderedComponent<ImageSharingPanel> RenderPanel(Image image, CallerContext caller, List<int>? changes = null) =>
        Render<ImageSharingPanel>(p => p
            .Add(c => c.Image, image)
            .Add(c => c.Caller, caller)
            .Add(c => c.Permissions, Service<ImagePolicy>().PermissionsFor(caller, image))
            .Add(c => c.Changed, () => changes?.Add(1)));

    private static void Share(IRenderedComponent<ImageSharingPanel> cut, string project)
    {
        cut.Find("[data-testid=add-member-project]").Input(project);
        cut.Find("[data-testid=add-member-submit]").Click();
    }

    [Theory]
    [InlineData("", "Choose at least one project to share with.")]
    [InlineData("demo-a", "Web team (demo-a): It is the image's own project.")]
    [InlineData("Data team", "Data team (demo-b): It is already a member.")]
    [InlineData("nowhere", "nowhere: No such project is known to this portal.")]
    public async Task Adding_a_member_says_clearly_what_is_wrong(string project, string message)
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b");
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderPanel(image, _alice);

        Share(cut, project);

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Markup));
        Assert.Single(await Service<MemberService>().ListAsync(_alice, image.Id));
    }

    [Fact]
    public async Task Adding_a_member_leaves_it_pending_and_tells_the_page()
    {
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var changes = new List<int>();
        var cut = RenderPanel(image, _alice, changes);

        Share(cut, "lab");

        cut.WaitForAssertion(() => Assert.Single(changes));
        var member = Assert.Single(await Service<MemberService>().ListAsync(_alice, image.Id));
        Assert.Equal(("lab", MemberStatus.Pending), (member.MemberId, member.Status));
    }

    [Fact]
    public async Task A_project_is_found_by_its_name_and_shown_by_it()
    {
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderPanel(image, _alice);

        var known = new KnownProjects([new("demo-a", "Web team"), new("demo-b", "Data team"), new("lab", "Research lab")]);
        Assert.Equal(["Data team (demo-b)", "Research lab (lab)"], known.Matching("", new HashSet<string> { "demo-a" }, []).Select(p => p.Label));
        Assert.Equal(["lab"], known.Matching("LAB res", new HashSet<string>(), []).Select(p => p.Id));
        Share(cut, "research lab");

        cut.WaitForAssertion(() => Assert.Equal("lab", Assert.Single(Wait(() => Service<MemberService>().ListAsync(_alice, image.Id))).MemberId));
        var shown = RenderPanel(await Service<ImageService>().GetAsync(_alice, image.Id), _alice);
        Assert.Equal("Research lab (lab)", shown.Find("[data-testid=member-project]").TextContent);
    }

    [Fact]
    public async Task A_name_two_projects_share_names_neither_and_the_image_stays_as_it_was()
    {
        _directory.Projects = [new("demo-b", "Data team"), new("other-b", "data team")];
        var image = await ImageAsync(ImageVisibility.Private);
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderPanel(image, _alice);

        Share(cut, "Data team");
        cut.Find("[data-testid=make-shared-and-add]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Several projects have this name: pick one from the list.", cut.Find("[data-testid=add-member-problem]").TextContent));
        Assert.Empty((await Service<ImageService>().GetAsync(_alice, image.Id)).Members);
        // No offer could be made, so the image did not become shared for nothing.
        Assert.Equal(ImageVisibility.Private, (await Service<ImageService>().GetAsync(_alice, image.Id)).Visibility);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_directory_for_the_caller_several_typed_ids_are_shared_with_in_one_step(bool adminsOnly)
    {
        // A directory for admins only is, for alice, no directory at all: she types ids.
        if (adminsOnly)
        {
            _directory.Audience = DirectoryAudience.Admins;
        }
        else
        {
            _directory.Projects = null;
        }
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderPanel(image, _alice);

        foreach (var project in new[] { "demo-b", "lab" })
        {
            cut.Find("[data-testid=add-member-project]").Input(project);
            cut.Find("[data-testid=add-member-project]").KeyUp(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        }
        cut.Find("[data-testid=add-member-project]").Input("x-typed");
        Assert.Equal(["demo-b", "lab"], cut.FindAll("[data-testid=project-chip]").Select(c => c.GetAttribute("data-project")));
        cut.Find("[data-testid=add-member-submit]").Click();

        // The chips and what is still typed are shared with, each as a pending member.
        cut.WaitForAssertion(() => Assert.Equal(["demo-b", "lab", "x-typed"],
            Wait(() => Service<MemberService>().ListAsync(_alice, image.Id)).Select(m => m.MemberId).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_private_image_offers_to_become_shared_first()
    {
        var image = await ImageAsync(ImageVisibility.Private);
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderPanel(image, _alice);
        Assert.NotNull(cut.Find("[data-testid=not-shared]"));

        Share(cut, "lab");
        cut.Find("[data-testid=make-shared-and-add]").Click();

        cut.WaitForAssertion(() => Assert.Single(Wait(() => Service<MemberService>().ListAsync(_alice, image.Id))));
        Assert.Equal(ImageVisibility.Shared, (await Service<ImageService>().GetAsync(_alice, image.Id)).Visibility);
    }

    [Fact]
    public async Task Removing_a_member_is_confirmed()
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b");
        SignIn("alice", "demo-a", "member", "reader");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPanel(image, _alice);

        cut.Find("[data-testid=member-remove]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Stop sharing", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Empty(Wait(() => Service<MemberService>().ListAsync(_alice, image.Id))));
    }

    [Fact]
    public async Task A_member_sees_only_itself_and_cannot_manage()
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b", "lab");
        var bob = SignIn("bob", "demo-b", "member", "reader");

        var cut = RenderPanel(await Service<ImageService>().GetAsync(bob, image.Id), bob);

        Assert.Equal(["demo-b"], cut.FindAll("[data-testid=member-row]").Select(r => r.GetAttribute("data-member")));
        Assert.Empty(cut.FindAll("[data-testid=add-member]"));
        Assert.Empty(cut.FindAll("[data-testid=member-remove]"));
    }

    [Theory]
    [InlineData("pending", true)]
    [InlineData("accepted", false)]
    [InlineData("rejected", false)]
    public async Task The_banner_asks_only_for_a_pending_answer(string answer, bool shown)
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b");
        var bob = SignIn("bob", "demo-b", "member", "reader");
        if (answer != "pending")
        {
            await Service<MemberService>().UpdateStatusAsync(bob, image.Id, "demo-b", answer);
        }

        var cut = Render<OfferBanner>(p => p.Add(c => c.Image, Wait(() => Service<ImageService>().GetAsync(bob, image.Id))).Add(c => c.Caller, bob));

        Assert.Equal(shown, cut.FindAll("[data-testid=offer-banner]").Count == 1);
    }

    [Fact]
    public async Task The_banner_offers_a_reader_no_answer()
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b");
        var dave = SignIn("dave", "demo-b", "reader");

        var cut = Render<OfferBanner>(p => p.Add(c => c.Image, Wait(() => Service<ImageService>().GetAsync(dave, image.Id))).Add(c => c.Caller, dave));

        Assert.Single(cut.FindAll("[data-testid=offer-banner]"));
        Assert.Empty(cut.FindAll("[data-testid=banner-accept]"));
        Assert.Contains("a member of your project answers it", cut.Find("[data-testid=banner-no-answer]").TextContent);
    }

    [Fact]
    public async Task The_banner_accepts_for_the_members_project()
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b");
        var bob = SignIn("bob", "demo-b", "member", "reader");
        var answered = new List<int>();
        var cut = Render<OfferBanner>(p => p.Add(c => c.Image, Wait(() => Service<ImageService>().GetAsync(bob, image.Id))).Add(c => c.Caller, bob)
            .Add(c => c.Answered, () => answered.Add(1)));

        cut.Find("[data-testid=banner-accept]").Click();

        cut.WaitForAssertion(() => Assert.Single(answered));
        Assert.Equal(MemberStatus.Accepted, (await Service<MemberService>().GetAsync(bob, image.Id, "demo-b")).Status);
    }

    [Fact]
    public async Task The_timeline_tells_the_story_in_words()
    {
        var image = await ImageAsync(ImageVisibility.Shared, "demo-b");
        await Service<MemberService>().UpdateStatusAsync(new CallerContext("bob", "demo-b", ["member", "reader"]), image.Id, "demo-b", "accepted");

        var events = await Service<AuditTrail>().ForImageAsync(_alice, image.Id);
        var cut = Render<ActivityTimeline>(p => p.Add(c => c.Events, events));

        Assert.Equal(
            ["Project demo-b changed its answer from pending to accepted (bob).", "alice (demo-a) offered it to project demo-b.", "alice (demo-a) created it (shared)."],
            cut.FindAll("[data-testid=timeline-entry] span").Select(s => s.TextContent));
    }
}
