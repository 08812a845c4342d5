using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Domain.Policies;

/// <summary>The domain's refusals carry the rule that refused, and read as plain words with what to do.</summary>
public sealed class RefusalsTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _carol = new("carol", "demo-a", ["reader"]);
    private readonly CallerContext _bob = new("bob", "demo-b", ["member", "reader"]);

    [Fact]
    public async Task A_reader_creating_an_image_hears_who_can_instead_of_the_rule_name()
    {
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => Service<ImageService>().CreateAsync(_carol, new NewImage { Name = "x" }));

        Assert.Equal("You are not authorized to complete add_image action.", refusal.Message);
        Assert.Equal("add_image", refusal.Rule);
        Assert.Equal("Your role in project demo-a lets you use images but not create them. Ask a member of the project or an admin to create it.",
            Refusals.Explain(refusal, _carol));
    }

    [Fact]
    public async Task Publishing_as_a_member_says_only_an_admin_may_and_what_to_do_instead()
    {
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "x", Visibility = ImageVisibility.Public }));

        Assert.Equal("publicize_image", refusal.Rule);
        Assert.StartsWith("Only an admin may make an image public", Refusals.Explain(refusal, _alice));
    }

    [Fact]
    public async Task Answering_for_another_project_and_sharing_a_private_image_are_explained()
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "x", Visibility = ImageVisibility.Shared });
        await Service<MemberService>().AddAsync(_alice, image.Id, "demo-b");

        var answer = await Assert.ThrowsAsync<ForbiddenException>(() => Service<MemberService>().UpdateStatusAsync(_alice, image.Id, "demo-b", "accepted"));
        Assert.Equal("modify_member", answer.Rule);
        Assert.StartsWith("Only a member of the project the image was offered to answers the offer", Refusals.Explain(answer, _alice));

        var other = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "y", Visibility = ImageVisibility.Private });
        var share = await Assert.ThrowsAsync<ForbiddenException>(() => Service<MemberService>().AddAsync(_alice, other.Id, "demo-b"));
        Assert.Equal("Only shared images have members. Make the image shared first (Change visibility), then share it.", Refusals.Explain(share, _alice));
        Assert.Equal($"Not allowed to create members for image {other.Id}.", share.Message);
    }

    [Fact]
    public async Task Deleting_a_protected_image_says_to_unprotect_it_and_a_missing_one_to_reload()
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "x", Protected = true });

        var delete = await Assert.ThrowsAsync<ForbiddenException>(() => Service<ImageService>().DeleteAsync(_alice, image.Id));
        Assert.Equal("The image is protected from deletion. Unprotect it first, if you are sure.", Refusals.Explain(delete, _alice));

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Service<ImageService>().GetAsync(_bob, Guid.NewGuid().ToString()));
        Assert.EndsWith(". It may have been deleted, or you may no longer see it: reload the page.", Refusals.Explain(missing, _bob));
    }
}
