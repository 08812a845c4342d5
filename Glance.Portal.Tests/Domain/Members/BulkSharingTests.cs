using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Domain.Members;

/// <summary>Several images to several projects in one step: each pair as if alone, each outcome in words.</summary>
public sealed class BulkSharingTests : PortalComponentContext
{
    private static readonly IReadOnlySet<ImageVisibility> s_privateToShared = new HashSet<ImageVisibility> { ImageVisibility.Private };
    private static readonly IReadOnlySet<ImageVisibility> s_keep = new HashSet<ImageVisibility>();
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _bob = new("bob", "demo-b", ["member", "reader"]);

    private Task<Image> ImageAsync(CallerContext owner, string name, ImageVisibility visibility) =>
        Service<ImageService>().CreateAsync(owner, new NewImage { Name = name, Visibility = visibility });

    [Fact]
    public async Task Several_images_go_to_one_project_and_each_refusal_is_explained_without_undoing_the_rest()
    {
        var shared = await ImageAsync(_alice, "shared one", ImageVisibility.Shared);
        var member = await ImageAsync(_alice, "already offered", ImageVisibility.Shared);
        await Service<MemberService>().AddAsync(_alice, member.Id, "demo-b");
        var hidden = await ImageAsync(_alice, "private one", ImageVisibility.Private);
        var open = await ImageAsync(_alice, "community one", ImageVisibility.Community);
        var bobs = await ImageAsync(_bob, "bob's", ImageVisibility.Shared);
        await Service<MemberService>().AddAsync(_bob, bobs.Id, "demo-a");
        var secret = await ImageAsync(_bob, "bob's secret", ImageVisibility.Private);

        var outcomes = await Service<BulkSharing>().ShareAsync(_alice, [shared.Id, member.Id, hidden.Id, open.Id, secret.Id], ["demo-b"], s_privateToShared);
        var others = await Service<BulkSharing>().ShareAsync(_alice, [bobs.Id], ["lab"], s_privateToShared);

        Assert.Equal(
            [
                (shared.Id, (string?)null),
                (member.Id, "It is already a member."),
                (hidden.Id, null),
                (open.Id, "It is community, so every project can use it already."),
                (secret.Id, $"No image found with ID {secret.Id}. It may have been deleted, or you may no longer see it: reload the page."),
            ],
            outcomes.Select(o => (o.ImageId, o.Problem)));
        // Alice may use bob's image, but only bob's project decides who else may.
        Assert.Equal("Only the project that owns the image, or an admin, decides who it is shared with. Ask a member of that project.", Assert.Single(others).Problem);
        Assert.Equal(ImageVisibility.Shared, (await Service<ImageService>().GetAsync(_alice, hidden.Id)).Visibility);
        foreach (var offered in new[] { shared, hidden })
        {
            Assert.Equal(MemberStatus.Pending, (await Service<MemberService>().GetAsync(_alice, offered.Id, "demo-b")).Status);
        }
        Assert.Equal(["demo-a"], (await Service<MemberService>().ListAsync(_bob, bobs.Id)).Select(m => m.MemberId));
        // Each offer is in the trail as if made alone.
        var trail = (await Service<AuditTrail>().ForProjectAsync(_alice, "demo-a", new AuditQuery())).Events;
        Assert.Equal(3, trail.Count(e => e.Action == AuditAction.MemberAdded && e.ImageOwner == "demo-a"));
    }

    [Fact]
    public async Task One_image_goes_to_several_projects_and_a_private_one_stays_private_unless_asked()
    {
        var image = await ImageAsync(_alice, "web base", ImageVisibility.Shared);
        var hidden = await ImageAsync(_alice, "private one", ImageVisibility.Private);

        var outcomes = await Service<BulkSharing>().ShareAsync(_alice, [image.Id, hidden.Id], ["demo-b", " lab ", "demo-a"], s_keep);

        Assert.Equal(["demo-b", "lab"], (await Service<MemberService>().ListAsync(_alice, image.Id)).Select(m => m.MemberId).Order(StringComparer.Ordinal));
        Assert.Equal("It is the image's own project.", outcomes.Single(o => o.ImageId == image.Id && o.ProjectId == "demo-a").Problem);
        Assert.All(outcomes.Where(o => o.ImageId == hidden.Id), o => Assert.Equal("It is private: make it shared first.", o.Problem));
        Assert.Equal(ImageVisibility.Private, (await Service<ImageService>().GetAsync(_alice, hidden.Id)).Visibility);
    }

    [Fact]
    public async Task A_private_image_stays_private_when_no_offer_can_be_made_and_nothing_chosen_is_refused()
    {
        var hidden = await ImageAsync(_alice, "private one", ImageVisibility.Private);
        var carol = new CallerContext("carol", "demo-a", ["reader"]);

        var own = await Service<BulkSharing>().ShareAsync(_alice, [hidden.Id], ["demo-a"], s_privateToShared);
        var reader = await Service<BulkSharing>().ShareAsync(carol, [hidden.Id], ["demo-b"], s_privateToShared);

        Assert.Equal("It is the image's own project.", Assert.Single(own).Problem);
        Assert.StartsWith("Only the project that owns the image", Assert.Single(reader).Problem);
        Assert.Equal(ImageVisibility.Private, (await Service<ImageService>().GetAsync(_alice, hidden.Id)).Visibility);
        await Assert.ThrowsAsync<ValidationException>(() => Service<BulkSharing>().ShareAsync(_alice, [hidden.Id], [" "], s_privateToShared));
        await Assert.ThrowsAsync<ValidationException>(() => Service<BulkSharing>().ShareAsync(_alice, [], ["demo-b"], s_privateToShared));
    }
}
