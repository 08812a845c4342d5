using Bunit;
using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Portal.Components.Pages;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>With several stores the image page says where the data is, and an admin removes one copy.</summary>
public sealed class ImageStoresPanelTests() : PortalComponentContext(settings:
[
    new("Glance:Stores:Backends:fast:Type", "filesystem"),
    new("Glance:Stores:Backends:fast:Path", "fast-store"),
    new("Glance:Stores:Backends:slow:Type", "filesystem"),
    new("Glance:Stores:Backends:slow:Path", "slow-store"),
    new("Glance:Stores:Default", "fast"),
])
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    private async Task<string> ImageInBothStoresAsync()
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "copied", DiskFormat = "raw", ContainerFormat = "bare" });
        await Service<ImageDataService>().UploadAsync(_alice, image.Id, new MemoryStream([1, 2, 3]), 3);
        var slow = Service<IImageStores>().Find("slow")!;
        await using var writer = await slow.BeginWriteAsync(image.Id, 3, CancellationToken.None);
        await writer.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        var stored = await writer.CommitAsync(CancellationToken.None);
        await using var db = await Service<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync();
        db.ImageLocations.Add(new ImageLocation(image.Id, "slow", stored, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return image.Id;
    }

    private IRenderedComponent<ImageDetails> RenderPage(string id)
    {
        var cut = Render<ImageDetails>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=access-for-you]"), TimeSpan.FromSeconds(30));
        return cut;
    }

    [Fact]
    public async Task The_owner_sees_both_stores_but_cannot_remove_a_copy()
    {
        var id = await ImageInBothStoresAsync();
        SignIn("alice", "demo-a", "member", "reader");

        var cut = RenderPage(id);

        Assert.Equal(["fast", "slow"], cut.FindAll("[data-testid=image-store]").Select(c => c.GetAttribute("data-store")));
        Assert.Empty(cut.FindAll("[data-testid=image-store] .mud-chip-close-button"));
    }

    [Fact]
    public async Task Another_project_reading_a_community_image_is_not_told_where_its_data_is()
    {
        var id = await ImageInBothStoresAsync();
        await Service<ImageService>().UpdateAsync(_alice, id, [ImageChange.Replace("visibility", System.Text.Json.Nodes.JsonValue.Create("community"))]);
        SignIn("bob", "demo-b", "member", "reader");

        var cut = RenderPage(id);

        // As the API answers bob: get_image_location is the owner's and admins' (StoreService.ShowsStores).
        Assert.Empty(cut.FindAll("[data-testid=image-stores]"));
        Assert.False(Service<StoreService>().ShowsStores(new CallerContext("bob", "demo-b", ["member", "reader"]), await Service<ImageService>().GetAsync(_alice, id)));
    }

    [Fact]
    public async Task An_admin_removes_the_slow_copy_after_confirming()
    {
        var id = await ImageInBothStoresAsync();
        var root = SignIn("root", "admin", "admin", "member", "reader");
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(id);

        // Not awaited: the click waits for the confirmation.
        var removal = cut.Find("[data-store=slow] .mud-chip-close-button").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("It stays in fast", dialogs.Find("[data-testid=confirm-message]").TextContent), TimeSpan.FromSeconds(30));
        await dialogs.Find("[data-testid=confirm-ok]").ClickAsync(new());
        await removal;

        cut.WaitForAssertion(() => Assert.Equal(["fast"], cut.FindAll("[data-testid=image-store]").Select(c => c.GetAttribute("data-store"))), TimeSpan.FromSeconds(30));
        Assert.Equal(["fast"], (await Service<ImageService>().GetAsync(root, id)).Stores);
        // The last copy stays: no chip offers to remove it.
        Assert.Empty(cut.FindAll("[data-testid=image-store] .mud-chip-close-button"));
    }
}
