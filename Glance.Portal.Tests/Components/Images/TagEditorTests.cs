using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Policies;
using Glance.Portal.Components.Images;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>Tags on the image page: added and removed by those who may change the image, refused with the domain's reason.</summary>
public sealed class TagEditorTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    private async Task<string> ImageAsync() =>
        (await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "tagged", Tags = ["keep", "old"] })).Id;

    private IRenderedComponent<TagEditor> RenderTags(string id, CallerContext caller, List<int>? changed = null)
    {
        var image = Wait(() => Service<ImageService>().GetAsync(caller, id));
        return Render<TagEditor>(p => p
            .Add(c => c.Image, image)
            .Add(c => c.Caller, caller)
            .Add(c => c.Permissions, Service<ImagePolicy>().PermissionsFor(caller, image))
            .Add(c => c.Changed, () => changed?.Add(1)));
    }

    private async Task<string[]> TagsAsync(string id) =>
        (await Service<ImageService>().GetAsync(_alice, id)).Tags.Select(t => t.Value).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task The_owner_adds_and_removes_tags()
    {
        var id = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var changed = new List<int>();
        var cut = RenderTags(id, _alice, changed);

        cut.Find("[data-testid=new-tag]").Input("golden");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Single(changed));
        Assert.Equal(["golden", "keep", "old"], await TagsAsync(id));

        cut = RenderTags(id, _alice, changed);
        cut.FindAll("[data-testid=image-tag]").Single(c => c.TextContent.Trim() == "old").QuerySelector("button, .mud-chip-close-button")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(2, changed.Count));
        Assert.Equal(["golden", "keep"], await TagsAsync(id));
    }

    [Fact]
    public async Task A_tag_the_domain_refuses_is_explained_and_nothing_changes()
    {
        var id = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderTags(id, _alice);

        cut.Find("[data-testid=new-tag]").Input("..");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("tag '..' is not allowed", cut.Find("[data-testid=tag-problem]").TextContent));
        Assert.Equal(["keep", "old"], await TagsAsync(id));
    }

    [Fact]
    public async Task A_reader_sees_the_tags_and_no_way_to_change_them()
    {
        var id = await ImageAsync();
        var carol = SignIn("carol", "demo-a", "reader");

        var cut = RenderTags(id, carol);

        Assert.Equal(2, cut.FindAll("[data-testid=image-tag]").Count);
        Assert.Empty(cut.FindAll("[data-testid=new-tag]"));
        Assert.Empty(cut.FindAll("[data-testid=image-tag] button"));
    }
}
