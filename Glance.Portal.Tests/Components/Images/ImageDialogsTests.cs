using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Components.Images;
using Glance.Portal.Tests.TestInfrastructure;
using MudBlazor;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>The create and edit dialogs: the common fields, what protections lock, and refusals in plain words.</summary>
public sealed class ImageDialogsTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);
    private readonly CallerContext _root = new("root", "admin", ["admin", "member", "reader"]);

    /// <summary>Opens the dialog as a page would; <paramref name="result"/> completes when it closes.</summary>
    private IRenderedComponent<MudDialogProvider> Show<TDialog>(DialogParameters<TDialog>? parameters, out Task<DialogResult?> result)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var provider = Render<MudDialogProvider>();
        var closed = new TaskCompletionSource<DialogResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.InvokeAsync(async () =>
        {
            var dialog = await Service<IDialogService>().ShowAsync<TDialog>("dialog", parameters ?? []);
            _ = dialog.Result.ContinueWith(t => closed.TrySetResult(t.Result), TaskScheduler.Default);
        });
        result = closed.Task;
        return provider;
    }

    private static async Task<DialogResult?> ClosedAsync(Task<DialogResult?> result) => await result.WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Create_asks_for_description_and_the_common_fields_and_stores_them()
    {
        SignIn("alice", "demo-a", "member", "reader");
        var cut = Show<CreateImageDialog>(null, out var result);
        cut.WaitForAssertion(() => cut.Find("[data-testid=field-description]"), TimeSpan.FromSeconds(30));

        cut.Find("[data-testid=create-name]").Change("web base");
        cut.Find("[data-testid=field-description]").Change("Debian with nginx");
        cut.Find("[data-testid=field-os_version]").Change("12");
        cut.Find("[data-testid=create-min-disk]").Change("8");
        cut.Find("[data-testid=create-min-ram]").Change("512");
        cut.Find("[data-testid=create-protected]").Change(true);
        cut.Find("[data-testid=create-tags]").Change("web, nginx ,web");
        cut.Find("[data-testid=create-submit]").Click();

        var id = Assert.IsType<string>((await ClosedAsync(result))!.Data);
        var image = await Service<ImageService>().GetAsync(_alice, id);
        Assert.Equal(("web base", "Debian with nginx", "12"), (image.Name, image.GetProperty("description"), image.GetProperty("os_version")));
        Assert.Equal((8, 512, true), (image.MinDisk, image.MinRam, image.Protected));
        Assert.Equal(["nginx", "web"], image.Tags.Select(t => t.Value).Order());
        Assert.Null(image.GetProperty("architecture"));
    }

    [Fact]
    public void A_refused_create_says_why_in_plain_words_and_keeps_what_was_typed()
    {
        // Carol reads project demo-a; the catalog offers her no Create, but the domain has the last word.
        SignIn("carol", "demo-a", "reader");
        var cut = Show<CreateImageDialog>(null, out var result);
        cut.WaitForAssertion(() => cut.Find("[data-testid=field-description]"), TimeSpan.FromSeconds(30));

        cut.Find("[data-testid=create-name]").Change("mine");
        cut.Find("[data-testid=field-description]").Change("typed text");
        cut.Find("[data-testid=create-submit]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Your role in project demo-a lets you use images but not create them. Ask a member of the project or an admin to create it.",
            cut.Find("[data-testid=create-error]").TextContent), TimeSpan.FromSeconds(30));
        Assert.False(result.IsCompleted);
        Assert.DoesNotContain("add_image", cut.Markup);
        Assert.Equal("typed text", cut.Find("[data-testid=field-description]").GetAttribute("value"));
    }

    [Fact]
    public async Task Edit_changes_removes_and_adds_common_properties_in_one_save()
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage
        {
            Name = "web base",
            Properties = new Dictionary<string, string?> { ["description"] = "old", ["os_version"] = "11" },
        });
        SignIn("alice", "demo-a", "member", "reader");
        var cut = Show(new DialogParameters<EditImageDialog> { { d => d.Image, image }, { d => d.Caller, _alice } }, out var result);
        cut.WaitForAssertion(() => cut.Find("[data-testid=edit-dialog]"), TimeSpan.FromSeconds(30));

        cut.Find("[data-testid=field-description]").Change("new");
        cut.Find("[data-testid=field-os_version]").Change("");
        cut.Find("[data-testid=edit-min-ram]").Change("1024");
        cut.Find("[data-testid=edit-save]").Click();

        Assert.Equal(true, (await ClosedAsync(result))!.Data);
        var stored = await Service<ImageService>().GetAsync(_alice, image.Id);
        Assert.Equal(("new", null, 1024), (stored.GetProperty("description"), stored.GetProperty("os_version"), stored.MinRam));
    }

    [Fact]
    public async Task A_field_the_protections_keep_from_the_caller_is_disabled_with_the_reason_and_a_refused_save_keeps_the_dialog()
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web base", Properties = new Dictionary<string, string?> { ["description"] = "old" } });
        await Service<PropertyProtectionService>().SaveAsync(_root,
            "[^os_version$]\ncreate = admin\nread = @\nupdate = admin\ndelete = admin\n\n[.*]\ncreate = @\nread = @\nupdate = @\ndelete = admin\n",
            ProtectionRuleFormat.Roles, "test");
        SignIn("alice", "demo-a", "member", "reader");
        var cut = Show(new DialogParameters<EditImageDialog> { { d => d.Image, image }, { d => d.Caller, _alice } }, out var result);
        cut.WaitForAssertion(() => cut.Find("[data-testid=edit-dialog]"), TimeSpan.FromSeconds(30));

        Assert.True(cut.Find("[data-testid=field-os_version]").HasAttribute("disabled"));
        Assert.Contains("Section [^os_version$] does not allow you to create it.", cut.Find("[data-testid=edit-dialog]").TextContent);

        // Emptying the description is a delete, which only admins may do here: nothing is saved, the typed values stay.
        cut.Find("[data-testid=edit-name]").Change("renamed");
        cut.Find("[data-testid=field-description]").Change("");
        Assert.Contains("Section [.*] does not allow you to delete it.", cut.Find("[data-testid=edit-dialog]").TextContent);
        cut.Find("[data-testid=edit-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("nothing was changed", cut.Find("[data-testid=edit-error]").TextContent), TimeSpan.FromSeconds(30));
        Assert.False(result.IsCompleted);
        Assert.Equal("renamed", cut.Find("[data-testid=edit-name]").GetAttribute("value"));
        var stored = await Service<ImageService>().GetAsync(_alice, image.Id);
        Assert.Equal(("web base", "old"), (stored.Name, stored.GetProperty("description")));
    }
}
