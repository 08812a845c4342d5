using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Components.Pages;
using Glance.Portal.Components.Sharing;
using Glance.Portal.Tests.TestInfrastructure;
using MudBlazor;

namespace Glance.Portal.Tests.Components.Sharing;

/// <summary>The consumer's inbox on the real domain: tabs by answer, answering one or many, and live offers.</summary>
public sealed class SharedWithMeTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    private async Task<string> OfferAsync(string name, string answer = "pending")
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = name, Properties = new Dictionary<string, string?> { ["os_distro"] = "debian" } });
        await Service<MemberService>().AddAsync(_alice, image.Id, "demo-b");
        if (answer != "pending")
        {
            await Service<MemberService>().UpdateStatusAsync(new CallerContext("bob", "demo-b", ["member", "reader"]), image.Id, "demo-b", answer);
        }
        return image.Id;
    }

    private static string[] Offers(IRenderedComponent<SharedWithMe> cut) =>
        cut.FindAll("[data-testid=offer-image]").Select(a => a.TextContent).ToArray();

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<SharedWithMe> Page) RenderInbox()
    {
        SignIn("bob", "demo-b", "member", "reader");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SharedWithMe>();
        return (dialogs, page);
    }

    [Fact]
    public async Task Tabs_count_the_offers_by_answer_and_pending_comes_first()
    {
        await OfferAsync("waiting");
        await OfferAsync("taken", "accepted");
        await OfferAsync("declined", "rejected");

        var (_, cut) = RenderInbox();

        cut.WaitForAssertion(() => Assert.Equal(["waiting"], Offers(cut)));
        Assert.Contains("Pending (1)", cut.Markup);
        Assert.Contains("Accepted (1)", cut.Markup);
        Assert.Contains("Rejected (1)", cut.Markup);
        Assert.Equal("demo-a", cut.Find("[data-testid=offer-owner]").TextContent);
    }

    [Fact]
    public async Task A_reader_of_the_project_sees_the_offers_but_is_not_offered_an_answer()
    {
        await OfferAsync("waiting");
        SignIn("dave", "demo-b", "reader");

        var cut = Render<SharedWithMe>();

        cut.WaitForAssertion(() => Assert.Equal(["waiting"], Offers(cut)));
        Assert.Empty(cut.FindAll("[data-testid=offer-accept]"));
        Assert.Empty(cut.FindAll("[data-testid=offer-reject]"));
        Assert.Empty(cut.FindAll("[data-testid=bulk-actions]"));
        Assert.Contains("a member of the project can", cut.Find("[data-testid=inbox-read-only]").TextContent);
    }

    [Fact]
    public async Task Accepting_moves_the_offer_out_of_pending()
    {
        var id = await OfferAsync("waiting");
        var (_, cut) = RenderInbox();
        cut.WaitForAssertion(() => Assert.Single(Offers(cut)));

        cut.Find("[data-testid=offer-accept]").Click();

        cut.WaitForAssertion(() => Assert.Empty(Offers(cut)));
        Assert.Equal(MemberStatus.Accepted, (await Service<MemberService>().GetAsync(_alice, id, "demo-b")).Status);
    }

    [Fact]
    public async Task Rejecting_asks_first_and_a_cancel_changes_nothing()
    {
        var id = await OfferAsync("waiting");
        var (dialogs, cut) = RenderInbox();
        cut.WaitForAssertion(() => Assert.Single(Offers(cut)));

        cut.Find("[data-testid=offer-reject]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Reject \"waiting\"?", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        Assert.Equal(MemberStatus.Pending, (await Service<MemberService>().GetAsync(_alice, id, "demo-b")).Status);

        cut.Find("[data-testid=offer-reject]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-ok]"));
        dialogs.Find("[data-testid=confirm-ok]").Click();
        cut.WaitForAssertion(() => Assert.Empty(Offers(cut)));
        Assert.Equal(MemberStatus.Rejected, (await Service<MemberService>().GetAsync(_alice, id, "demo-b")).Status);
    }

    [Fact]
    public async Task Selected_offers_are_accepted_together()
    {
        await OfferAsync("one");
        await OfferAsync("two");
        await OfferAsync("three");
        var (_, cut) = RenderInbox();
        cut.WaitForAssertion(() => Assert.Equal(3, Offers(cut).Length));

        cut.FindComponents<MudCheckBox<bool>>()[0].Find("input").Change(true);
        Assert.Contains("Accept selected (3)", cut.Find("[data-testid=bulk-accept]").TextContent);
        cut.Find("[data-testid=bulk-accept]").Click();

        cut.WaitForAssertion(() => Assert.Empty(Offers(cut)));
        Assert.Equal(3, (await Service<SharingService>().InboxCountsAsync(new CallerContext("bob", "demo-b", ["member", "reader"])))[MemberStatus.Accepted]);
    }

    [Fact]
    public async Task A_new_offer_appears_while_the_inbox_is_open()
    {
        var (_, cut) = RenderInbox();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=inbox-empty]")));

        await OfferAsync("just shared");

        cut.WaitForAssertion(() => Assert.Equal(["just shared"], Offers(cut)));
    }

    [Fact]
    public async Task The_badge_counts_pending_offers_and_follows_them_live()
    {
        SignIn("bob", "demo-b", "member", "reader");
        var badge = Render<SharingBadge>();
        Assert.Empty(badge.FindAll("[data-testid=pending-badge]"));

        var id = await OfferAsync("live");
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=pending-badge]").TextContent));

        await Service<MemberService>().UpdateStatusAsync(new CallerContext("bob", "demo-b", ["member", "reader"]), id, "demo-b", "accepted");
        badge.WaitForAssertion(() => Assert.Empty(badge.FindAll("[data-testid=pending-badge]")));
    }
}
