using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Portal.Components.Pages;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Glance.Portal.Tests.Components.Sharing;

/// <summary>The outbox's "Share images": several of the project's images to a project picked by name, in one step.</summary>
public sealed class ShareImagesDialogTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    public ShareImagesDialogTests() => Services.AddSingleton<IProjectDirectory>(new Directory());

    private sealed class Directory : IProjectDirectory
    {
        public DirectoryAudience Audience => DirectoryAudience.Everyone;

        public Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<KnownProject>?>([new("demo-a", "Web team"), new("demo-b", "Data team"), new("lab", "Research lab")]);
    }

    [Fact]
    public async Task Alice_offers_two_images_to_the_data_team_and_sees_each_outcome()
    {
        var web = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web base", Visibility = ImageVisibility.Shared });
        var db = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "db base", Visibility = ImageVisibility.Private });
        var open = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "open one", Visibility = ImageVisibility.Community });
        SignIn("alice", "demo-a", "member", "reader");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<MyShares>();

        // The page may still render what it loaded: click the button it shows once it stands still.
        page.WaitForAssertion(() => page.Find("[data-testid=share-images]").Click(), TimeSpan.FromSeconds(30));
        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll("[data-testid=share-image-row]").Count), TimeSpan.FromSeconds(30));
        // A community image cannot take members: it is offered disabled, with the reason.
        var openRow = dialogs.Find($"[data-image='{open.Id}']");
        Assert.True(openRow.QuerySelector("input")!.HasAttribute("disabled"));
        Assert.Contains("every project can use it already", openRow.TextContent);
        foreach (var image in new[] { web, db })
        {
            dialogs.Find($"[data-image='{image.Id}'] input").Change(true);
        }
        // MudCheckBox reports a change asynchronously: wait for the dialog to count it.
        dialogs.WaitForAssertion(() => Assert.Equal("2 chosen", dialogs.Find("[data-testid=share-images-count]").TextContent), TimeSpan.FromSeconds(30));
        Assert.NotNull(dialogs.Find("[data-testid=share-images-make-shared]"));
        dialogs.Find("[data-testid=add-member-project]").Input("data team");
        dialogs.Find("[data-testid=share-images-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("2 offer(s) made.", dialogs.Find("[data-testid=share-images-summary]").TextContent), TimeSpan.FromSeconds(30));
        Assert.All(dialogs.FindAll("[data-testid=share-outcome]"), row => Assert.Contains("Data team (demo-b)", row.TextContent));
        foreach (var image in new[] { web, db })
        {
            Assert.Equal(MemberStatus.Pending, (await Service<MemberService>().GetAsync(_alice, image.Id, "demo-b")).Status);
        }
        dialogs.Find("[data-testid=share-images-done]").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=outbox-row]").Count), TimeSpan.FromSeconds(30));
        Assert.All(page.FindAll("[data-testid=outbox-member]"), cell => Assert.Equal("Data team (demo-b)", cell.TextContent));
    }

    [Fact]
    public async Task Sharing_nothing_says_what_is_missing()
    {
        await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web base", Visibility = ImageVisibility.Shared });
        SignIn("alice", "demo-a", "member", "reader");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<MyShares>();

        // The page may still render what it loaded: click the button it shows once it stands still.
        page.WaitForAssertion(() => page.Find("[data-testid=share-images]").Click(), TimeSpan.FromSeconds(30));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=share-images-submit]"), TimeSpan.FromSeconds(30));
        dialogs.Find("[data-testid=share-images-submit]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("Choose at least one image to share.", dialogs.Find("[data-testid=share-images-problem]").TextContent));

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=share-image-choose]").Change(true), TimeSpan.FromSeconds(30));
        dialogs.WaitForAssertion(() => Assert.Equal("1 chosen", dialogs.Find("[data-testid=share-images-count]").TextContent));
        dialogs.Find("[data-testid=share-images-submit]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("Choose at least one project to share with.", dialogs.Find("[data-testid=share-images-problem]").TextContent));
    }
}
