using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Components.Images;
using Glance.Portal.Tests.Domain.PropertyProtections;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>The property editor: what each caller may change, why not, the preview, and the domain's last word.</summary>
public sealed class PropertyEditorTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _root = new("root", "admin", ["admin", "member", "reader"]);

    private async Task<Image> ImageAsync() =>
        await Service<ImageService>().CreateAsync(_alice, new NewImage
        {
            Name = "props",
            Properties = new Dictionary<string, string?> { ["os_distro"] = "debian", ["description"] = "old text", ["x_readonly"] = "r" },
        });

    private IRenderedComponent<PropertyEditor> RenderEditor(Image image, CallerContext caller, List<int>? saved = null)
    {
        var shown = Wait(() => Service<ImageService>().GetAsync(caller, image.Id));
        return Render<PropertyEditor>(p => p
            .Add(c => c.Image, shown)
            .Add(c => c.Caller, caller)
            .Add(c => c.Permissions, Service<ImagePolicy>().PermissionsFor(caller, shown))
            .Add(c => c.Saved, () => saved?.Add(1)));
    }

    private static string[] Preview(IRenderedComponent<PropertyEditor> cut) =>
        cut.FindAll("[data-testid=preview-change]").Select(li => li.TextContent).ToArray();

    [Fact]
    public async Task The_owner_edits_removes_and_adds_with_a_preview_before_saving()
    {
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var saved = new List<int>();
        var cut = RenderEditor(image, _alice, saved);

        cut.Find("[data-testid=edit-description]").Input("new text");
        cut.Find("[data-testid=remove-x_readonly]").Click();
        cut.Find("[data-testid=new-property-name]").Input("hw_disk_bus");
        cut.Find("[data-testid=new-property-value]").Input("scsi");
        cut.Find("[data-testid=new-property-add]").Click();

        Assert.Equal(["description: \"old text\" → \"new text\"", "remove x_readonly (was \"r\")", "add hw_disk_bus = \"scsi\""], Preview(cut));
        cut.Find("[data-testid=properties-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(saved));
        var stored = await Service<ImageService>().GetAsync(_alice, image.Id);
        Assert.Equal("new text", stored.GetProperty("description"));
        Assert.Null(stored.GetProperty("x_readonly"));
        Assert.Equal("scsi", stored.GetProperty("hw_disk_bus"));
    }

    [Fact]
    public async Task A_reader_sees_the_values_and_why_they_cannot_change()
    {
        var image = await ImageAsync();
        var carol = SignIn("carol", "demo-a", "reader");

        var cut = RenderEditor(image, carol);

        Assert.Empty(cut.FindAll("[data-testid^=edit-]"));
        Assert.Empty(cut.FindAll("[data-testid=add-property]"));
        Assert.Equal("debian", cut.Find("[data-testid=property-os_distro]").TextContent);
        Assert.Contains("Your role in project demo-a lets you read this image but not change it", cut.Find("[data-testid=read-only-reason]").TextContent);
        Assert.All(cut.FindAll("[data-testid=locked-reason]"), icon => Assert.Contains("modify_image", icon.GetAttribute("title")));
    }

    [Fact]
    public async Task Protection_rules_lock_rows_with_the_section_that_says_so_and_hide_unreadable_ones()
    {
        var image = await ImageAsync();
        await Service<ImageService>().UpdateAsync(_root, image.Id, [ImageChange.Add("x_secret", System.Text.Json.Nodes.JsonValue.Create("s"))]);
        await Service<PropertyProtectionService>().SaveAsync(_root, SampleRuleFiles.Nuanced, ProtectionRuleFormat.Roles, "test rules");
        SignIn("alice", "demo-a", "member", "reader");

        var cut = RenderEditor(image, _alice);

        Assert.Empty(cut.FindAll("[data-property=x_secret]"));
        var locked = cut.Find("[data-property=x_readonly] [data-testid=locked-reason]");
        Assert.Equal("Section [^x_readonly$] does not allow you to update it.", locked.GetAttribute("title"));
        Assert.NotNull(cut.Find("[data-testid=edit-description]"));

        cut.Find("[data-testid=new-property-name]").Input("x_secret");
        cut.Find("[data-testid=new-property-add]").Click();
        Assert.Equal("Section [^x_secret$] does not allow you to create it.", cut.Find("[data-testid=add-property-problem]").TextContent);
    }

    [Fact]
    public async Task A_save_the_domain_refuses_shows_its_reason_and_changes_nothing()
    {
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderEditor(image, _alice);

        cut.Find("[data-testid=edit-description]").Input("changed");
        cut.Find("[data-testid=new-property-name]").Input(new string('k', 300));
        cut.Find("[data-testid=new-property-add]").Click();
        cut.Find("[data-testid=properties-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("nothing was changed", cut.Find("[data-testid=properties-error]").TextContent));
        Assert.Equal("old text", (await Service<ImageService>().GetAsync(_alice, image.Id)).GetProperty("description"));
        // The whole change is refused and every typed value stays, to be corrected and saved again.
        Assert.Equal("changed", cut.Find("[data-testid=edit-description]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("min_ram", "one of the image's own fields")]
    [InlineData("os_hash_value", "computed by the image service")]
    [InlineData("os_glance_importing_to_stores", "reserved for the image service")]
    [InlineData("deleted_at", "reserved for the image service")]
    public async Task Core_and_reserved_names_are_refused_before_saving(string name, string reason)
    {
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderEditor(image, _alice);

        cut.Find("[data-testid=new-property-name]").Input(name);
        cut.Find("[data-testid=new-property-value]").Input("1");
        cut.Find("[data-testid=new-property-add]").Click();

        Assert.Contains(reason, cut.Find("[data-testid=add-property-problem]").TextContent);
        Assert.Empty(cut.FindAll($"[data-property={name}]"));
    }

    [Fact]
    public async Task Edits_in_progress_survive_the_page_rendering_again()
    {
        var image = await ImageAsync();
        SignIn("alice", "demo-a", "member", "reader");
        var cut = RenderEditor(image, _alice);
        cut.Find("[data-testid=edit-description]").Input("typing…");

        // The page renders its children again (a load finishing, a snackbar) with the same image.
        cut.Render();

        Assert.Equal(["description: \"old text\" → \"typing…\""], Preview(cut));
    }
}
