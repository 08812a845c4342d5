using Glance.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>Sharing between two people in two browsers: alice (demo-a) offers, bob (demo-b) answers.</summary>
public sealed class SharingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Shared = "demo-a staging (not shared yet)";

    [Fact]
    public async Task Alice_shares_bob_answers_live_downloads_changes_his_mind_and_loses_access_when_removed()
    {
        var alicePage = await fixture.NewPageAsync();
        var bobPage = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(bobPage, "sharing-bob", () => Screenshots.OnFailureAsync(alicePage, "sharing-alice", async () =>
        {
            // Bob has his inbox open before anything is shared with him.
            await new HomePage(bobPage).SignInAsync("bob");
            var inbox = new InboxPage(bobPage);
            await inbox.GotoAsync();
            var pendingBefore = await inbox.Badge.CountAsync() == 0 ? 0 : int.Parse(await inbox.Badge.TextContentAsync() ?? "0");
            await Expect(inbox.Offer(Shared)).ToHaveCountAsync(0);

            // Alice offers her image to demo-b from its sharing tab.
            await new HomePage(alicePage).SignInAsync("alice");
            var catalog = new CatalogPage(alicePage);
            await catalog.GotoAsync("?scope=mine");
            await catalog.Link(Shared).ClickAsync();
            var image = new ImagePage(alicePage);
            await Expect(image.Name).ToHaveTextAsync(Shared);
            var imageUrl = alicePage.Url;
            await image.SharingTab.ClickAsync();
            // Both projects are picked by name, in one step.
            await image.PickProjectAsync("data", "Data team (demo-b)");
            await image.PickProjectAsync("lab", "Research lab (lab)");
            await image.Share.ClickAsync();
            await Expect(image.MemberRow("demo-b")).ToContainTextAsync("Data team (demo-b)");
            await Expect(image.MemberRow("demo-b")).ToContainTextAsync("pending");
            await Expect(image.MemberRow("lab")).ToContainTextAsync("Research lab (lab)");

            // Bob's inbox and badge follow without a reload.
            await Expect(inbox.Offer(Shared)).ToBeVisibleAsync();
            await Expect(inbox.Badge).ToHaveTextAsync((pendingBefore + 1).ToString());
            await inbox.Offer(Shared).GetByTestId("offer-accept").ClickAsync();
            await Expect(inbox.Offer(Shared)).ToHaveCountAsync(0);
            await Expect(inbox.Badge).ToHaveTextAsync(pendingBefore.ToString());

            // Accepted: it is in his catalog, and he can download it.
            var bobCatalog = new CatalogPage(bobPage);
            await bobCatalog.GotoAsync();
            await bobCatalog.Link(Shared).ClickAsync();
            var bobImage = new ImagePage(bobPage);
            await Expect(bobImage.Name).ToHaveTextAsync(Shared);
            var download = await bobPage.RunAndWaitForDownloadAsync(() => bobImage.Download.ClickAsync());
            var saved = Path.Combine(Path.GetTempPath(), $"e2e-shared-{Guid.NewGuid():N}");
            await download.SaveAsAsync(saved);
            Assert.True(new FileInfo(saved).Length > 0);
            File.Delete(saved);

            // He changes his mind, twice.
            await inbox.GotoAsync();
            await inbox.Tab("Accepted").ClickAsync();
            await inbox.Offer(Shared).GetByTestId("offer-reject").ClickAsync();
            await new ConfirmDialog(bobPage).ConfirmAsync();
            await Expect(inbox.Offer(Shared)).ToHaveCountAsync(0);
            await inbox.Tab("Rejected").ClickAsync();
            await inbox.Offer(Shared).GetByTestId("offer-accept").ClickAsync();
            await Expect(inbox.Offer(Shared)).ToHaveCountAsync(0);
            await inbox.Tab("Accepted").ClickAsync();
            await Expect(inbox.Offer(Shared)).ToBeVisibleAsync();

            // Alice sees each answer in the activity, then removes demo-b; bob loses the image.
            await alicePage.ReloadAsync();
            await new HomePage(alicePage).WaitUntilInteractiveAsync();
            await image.ActivityTab.ClickAsync();
            await Expect(image.Timeline).ToContainTextAsync("Project demo-b changed its answer from rejected to accepted (bob).");
            await image.SharingTab.ClickAsync();
            await image.MemberRow("demo-b").GetByTestId("member-remove").ClickAsync();
            await new ConfirmDialog(alicePage).ConfirmAsync();
            await Expect(image.MemberRow("demo-b")).ToHaveCountAsync(0);

            await bobPage.GotoAsync(imageUrl);
            await new HomePage(bobPage).WaitUntilInteractiveAsync();
            await Expect(bobImage.NotFound).ToBeVisibleAsync();
        }));
    }
}
