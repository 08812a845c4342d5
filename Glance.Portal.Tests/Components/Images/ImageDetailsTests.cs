using System.Text.Json.Nodes;
using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Components.Pages;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>The image page shows each caller only the actions the domain would allow, and explains who can use the image.</summary>
public sealed class ImageDetailsTests : PortalComponentContext
{
    private static readonly string[] s_editActions = ["action-edit", "action-visibility", "action-protect", "action-delete"];

    private async Task<Image> SharedImageAsync()
    {
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var image = await Service<ImageService>().CreateAsync(alice, new NewImage { Name = "web base", DiskFormat = "raw", ContainerFormat = "bare", Properties = new Dictionary<string, string?> { ["os_distro"] = "debian" } });
        await Service<MemberService>().AddAsync(alice, image.Id, "demo-b");
        return image;
    }

    private IRenderedComponent<ImageDetails> RenderPage(string id)
    {
        var cut = Render<ImageDetails>(p => p.Add(c => c.Id, id));
        // The explanation is the last thing the page loads.
        cut.WaitForAssertion(() => cut.Find("[data-testid=access-for-you]"), TimeSpan.FromSeconds(30));
        return cut;
    }

    private static string[] Actions(IRenderedComponent<ImageDetails> cut) =>
        cut.FindAll("[data-testid^=action-]").Select(a => a.GetAttribute("data-testid")!).ToArray();

    [Fact]
    public async Task The_owner_sees_every_edit_action_and_the_owners_explanation()
    {
        var image = await SharedImageAsync();
        SignIn("alice", "demo-a", "member", "reader");

        var cut = RenderPage(image.Id);

        Assert.Equal(["action-edit", "action-visibility", "action-protect", "action-delete"], Actions(cut));
        Assert.Equal("shared with 1 project (1 pending)", cut.Find("[data-testid=access-audience]").TextContent);
        Assert.NotNull(cut.Find("[data-property=os_distro] [data-testid=edit-os_distro], [data-property=os_distro] input"));
        Assert.NotNull(cut.Find("[data-testid=upload-panel]"));
    }

    [Fact]
    public async Task A_reader_of_the_owning_project_sees_no_edit_actions()
    {
        var image = await SharedImageAsync();
        SignIn("carol", "demo-a", "reader");

        var cut = RenderPage(image.Id);

        Assert.Empty(Actions(cut).Intersect(s_editActions));
        Assert.Empty(cut.FindAll("[data-testid=upload-panel]"));
    }

    [Fact]
    public async Task A_member_project_sees_its_offer_and_no_edit_actions()
    {
        var image = await SharedImageAsync();
        SignIn("bob", "demo-b", "member", "reader");

        var cut = RenderPage(image.Id);

        Assert.Empty(Actions(cut));
        Assert.StartsWith("It has been offered to your project", cut.Find("[data-testid=access-for-you]").TextContent);
    }

    [Fact]
    public async Task A_protected_image_offers_unprotect_instead_of_delete_and_a_deactivated_one_reactivate()
    {
        var image = await SharedImageAsync();
        var alice = SignIn("alice", "demo-a", "member", "reader");
        await Service<ImageService>().UpdateAsync(alice, image.Id, [ImageChange.Replace("protected", JsonValue.Create(true))]);

        var cut = RenderPage(image.Id);

        Assert.DoesNotContain("action-delete", Actions(cut));
        Assert.Equal("The image is protected: unprotect it before deleting it.", cut.Find("[data-testid=delete-blocked]").TextContent);
        Assert.Equal("Unprotect", cut.Find("[data-testid=action-protect]").TextContent.Trim());
        Assert.DoesNotContain("action-deactivate", Actions(cut));

        await using (var data = new MemoryStream([1, 2, 3]))
        {
            await Service<Glance.Domain.ImageData.ImageDataService>().UploadAsync(alice, image.Id, data, 3);
        }
        Assert.Contains("action-deactivate", Actions(RenderPage(image.Id)));
        await Service<ImageService>().DeactivateAsync(alice, image.Id);

        var deactivated = Actions(RenderPage(image.Id));
        Assert.Contains("action-reactivate", deactivated);
        Assert.DoesNotContain("action-deactivate", deactivated);
        Assert.DoesNotContain("action-download", deactivated);
        Assert.Contains("deactivated: its data cannot be downloaded", RenderPage(image.Id).Find("[data-testid=download-blocked]").TextContent);
    }

    [Fact]
    public async Task Read_only_says_the_real_reason_the_owner_or_the_role()
    {
        var image = await SharedImageAsync();

        SignIn("carol", "demo-a", "reader");
        Assert.Equal("Your role in project demo-a lets you read this image but not change it (the modify_image rule); a member of the project can.",
            RenderPage(image.Id).Find("[data-testid=image-read-only]").TextContent);

        // bob is a member, so his role could change images: it is the owner that keeps him out.
        SignIn("bob", "demo-b", "member", "reader");
        Assert.Equal("Project demo-a owns this image, so only that project or an admin may change it.",
            RenderPage(image.Id).Find("[data-testid=image-read-only]").TextContent);

        SignIn("alice", "demo-a", "member", "reader");
        Assert.Empty(RenderPage(image.Id).FindAll("[data-testid=image-read-only]"));
    }

    [Fact]
    public async Task An_image_the_caller_cannot_see_is_not_found()
    {
        var image = await SharedImageAsync();
        SignIn("mallory", "demo-x", "member", "reader");

        var cut = Render<ImageDetails>(p => p.Add(c => c.Id, image.Id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=image-not-found]")));
        Assert.DoesNotContain("web base", cut.Markup);
    }

    [Fact]
    public async Task Deleting_asks_first_and_a_cancelled_confirmation_changes_nothing()
    {
        var image = await SharedImageAsync();
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var provider = Render<MudBlazor.MudDialogProvider>();
        var cut = RenderPage(image.Id);

        cut.Find("[data-testid=action-delete]").Click();
        provider.WaitForAssertion(() => Assert.Contains("cannot be undone", provider.Find("[data-testid=confirm-message]").TextContent));
        provider.Find("[data-testid=confirm-cancel]").Click();

        Assert.Equal("web base", (await Service<ImageService>().GetAsync(alice, image.Id)).Name);
    }

    [Fact]
    public async Task The_visibility_dialog_spells_out_the_consequence_and_offers_only_allowed_values()
    {
        var image = await SharedImageAsync();
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var provider = Render<MudBlazor.MudDialogProvider>();
        var cut = RenderPage(image.Id);

        cut.Find("[data-testid=action-visibility]").Click();
        provider.WaitForAssertion(() => provider.Find("[data-testid=visibility-dialog]"));
        Assert.Empty(provider.FindAll("[data-testid=visibility-public]"));
        provider.Find("[data-testid=visibility-private]").Click();

        provider.WaitForAssertion(() => Assert.Contains("its 1 project lose access (0 had accepted it)",
            provider.Find("[data-testid=visibility-consequence]").TextContent));
        provider.Find("[data-testid=visibility-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Equal("private", cut.Find("[data-testid=image-visibility]").TextContent));
        Assert.Equal(ImageVisibility.Private, (await Service<ImageService>().GetAsync(alice, image.Id)).Visibility);
    }
}
