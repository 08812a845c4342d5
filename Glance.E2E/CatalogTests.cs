using System.Security.Cryptography;
using Glance.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>The catalog, image pages, upload and download in a real browser, on the demo catalog.</summary>
public sealed class CatalogTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Alice_searches_and_filters_the_catalog_and_opens_an_image_from_a_bookmarked_url()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(Alice_searches_and_filters_the_catalog_and_opens_an_image_from_a_bookmarked_url), async () =>
        {
            await new HomePage(page).SignInAsync("alice");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync();
            await Expect(catalog.Link("Debian 12 (bookworm) generic cloud")).ToBeVisibleAsync();

            await catalog.SearchForAsync("ubuntu");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q=ubuntu"));
            await Expect(catalog.Link("Debian 12 (bookworm) generic cloud")).ToHaveCountAsync(0);
            // Names that begin with the word come first.
            await Expect(catalog.ImageLinks.First).ToContainTextAsync("Ubuntu");

            await catalog.Facet("disk", "iso").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"disk=iso"));
            await Expect(catalog.ImageLinks).ToHaveCountAsync(1);
            await Expect(catalog.Link("Ubuntu 24.04 LTS live ISO")).ToBeVisibleAsync();

            // The URL is the whole state: a bookmark opens the same filtered list.
            var bookmark = page.Url;
            var again = await fixture.NewPageAsync();
            await new HomePage(again).SignInAsync("alice");
            await again.GotoAsync(bookmark);
            await new HomePage(again).WaitUntilInteractiveAsync();
            var bookmarked = new CatalogPage(again);
            await Expect(bookmarked.ImageLinks).ToHaveCountAsync(1);
            await bookmarked.Link("Ubuntu 24.04 LTS live ISO").ClickAsync();
            var image = new ImagePage(again);
            await Expect(image.Name).ToHaveTextAsync("Ubuntu 24.04 LTS live ISO");
            await Expect(image.Audience).ToHaveTextAsync("public: everyone");
        });
    }

    [Fact]
    public async Task Alice_creates_an_image_uploads_200_MB_with_progress_and_downloads_the_same_bytes()
    {
        var page = await fixture.NewPageAsync();
        var file = Path.Combine(Path.GetTempPath(), $"e2e-upload-{Guid.NewGuid():N}.qcow2");
        // Over Kestrel's 30,000,000-byte default request limit, which once failed portal uploads with 500.
        var sha512 = await WriteRandomFileAsync(file, 200 * 1024 * 1024);
        var saved = Path.Combine(Path.GetTempPath(), $"e2e-download-{Guid.NewGuid():N}");
        try
        {
            await Screenshots.OnFailureAsync(page, nameof(Alice_creates_an_image_uploads_200_MB_with_progress_and_downloads_the_same_bytes), async () =>
            {
                await new HomePage(page).SignInAsync("alice");
                var catalog = new CatalogPage(page);
                await catalog.GotoAsync();
                await catalog.CreateButton.ClickAsync();
                var dialog = new CreateImageDialog(page);
                await dialog.Name.FillAsync("e2e upload");
                await dialog.File.SetInputFilesAsync(file);
                await Expect(page.GetByTestId("upload-chosen")).ToContainTextAsync("200 MiB");
                await dialog.Submit.ClickAsync();

                await Expect(dialog.Progress).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 180_000 });
                await Expect(dialog.Progress).ToHaveAttributeAsync("data-percent", "100");
                await Expect(page.GetByTestId("upload-status")).ToContainTextAsync("100 %");
                await dialog.Open.ClickAsync();
                var image = new ImagePage(page);
                await Expect(image.Name).ToHaveTextAsync("e2e upload");
                await Expect(image.Status).ToHaveTextAsync("active");
                await Expect(image.OsHash).ToHaveTextAsync(sha512);

                var download = await page.RunAndWaitForDownloadAsync(() => image.Download.ClickAsync(), new() { Timeout = 180_000 });
                await download.SaveAsAsync(saved);
                await using var stream = File.OpenRead(saved);
                Assert.Equal(sha512, Convert.ToHexStringLower(await SHA512.HashDataAsync(stream)));
            });
        }
        finally
        {
            File.Delete(file);
            File.Delete(saved);
        }
    }

    [Fact]
    public async Task An_upload_survives_a_dropped_chunk_and_goes_on_in_the_tray_while_alice_browses()
    {
        var page = await fixture.NewPageAsync();
        var file = Path.Combine(Path.GetTempPath(), $"e2e-resume-{Guid.NewGuid():N}.raw");
        var sha512 = await WriteRandomFileAsync(file, 40 * 1024 * 1024);
        // The network drops the second chunk once: the browser must ask the server where it is and go on.
        var dropped = 0;
        await page.RouteAsync("**/portal/uploads/**", async route =>
        {
            if (route.Request.Method == "PUT" && !route.Request.Url.EndsWith("offset=0", StringComparison.Ordinal) && Interlocked.Exchange(ref dropped, 1) == 0)
            {
                await route.AbortAsync("connectionreset");
                return;
            }
            await route.ContinueAsync();
        });
        try
        {
            await Screenshots.OnFailureAsync(page, nameof(An_upload_survives_a_dropped_chunk_and_goes_on_in_the_tray_while_alice_browses), async () =>
            {
                await new HomePage(page).SignInAsync("alice");
                var catalog = new CatalogPage(page);
                await catalog.GotoAsync();
                await catalog.CreateButton.ClickAsync();
                var dialog = new CreateImageDialog(page);
                await dialog.Name.FillAsync("e2e resumed upload");
                await dialog.File.SetInputFilesAsync(file);
                await dialog.Submit.ClickAsync();
                await dialog.KeepInBackground.ClickAsync();
                await Expect(dialog.Dialog).ToHaveCountAsync(0);

                var tray = page.GetByTestId("tray-upload");
                await Expect(tray).ToContainTextAsync("e2e resumed upload");
                await page.GetByTestId("nav-activity").ClickAsync();
                await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/activity$"));
                await Expect(tray).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 120_000 });
                Assert.Equal(1, dropped);

                await tray.GetByRole(AriaRole.Link, new() { Name = "e2e resumed upload" }).ClickAsync();
                var image = new ImagePage(page);
                await Expect(image.Status).ToHaveTextAsync("active");
                await Expect(image.OsHash).ToHaveTextAsync(sha512);
                await page.GetByTestId("tray-dismiss").ClickAsync();
                await Expect(page.GetByTestId("upload-tray")).ToHaveCountAsync(0);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_the_image_queued_without_data_and_a_request_without_the_pages_token_is_refused()
    {
        var page = await fixture.NewPageAsync();
        var file = Path.Combine(Path.GetTempPath(), $"e2e-cancel-{Guid.NewGuid():N}.raw");
        await WriteRandomFileAsync(file, 24 * 1024 * 1024);
        // The second chunk is held back until the test has cancelled, so the cancel lands mid-upload.
        var hold = new TaskCompletionSource();
        await page.RouteAsync("**/portal/uploads/**", async route =>
        {
            if (route.Request.Method == "PUT" && !route.Request.Url.EndsWith("offset=0", StringComparison.Ordinal))
            {
                await hold.Task;
            }
            await route.FallbackAsync();
        });
        try
        {
            await Screenshots.OnFailureAsync(page, nameof(A_cancelled_upload_leaves_the_image_queued_without_data_and_a_request_without_the_pages_token_is_refused), async () =>
            {
                await new HomePage(page).SignInAsync("alice");
                var catalog = new CatalogPage(page);
                await catalog.GotoAsync();
                await catalog.CreateButton.ClickAsync();
                var dialog = new CreateImageDialog(page);
                await dialog.Name.FillAsync("e2e cancelled upload");
                await dialog.File.SetInputFilesAsync(file);
                await dialog.Submit.ClickAsync();
                await dialog.KeepInBackground.ClickAsync();

                var tray = page.GetByTestId("tray-upload").Filter(new() { HasText = "e2e cancelled upload" });
                await Expect(tray.GetByTestId("tray-status")).ToContainTextAsync("%");
                await tray.GetByTestId("tray-cancel").ClickAsync();
                await Expect(tray).ToHaveAttributeAsync("data-state", "cancelled");
                hold.TrySetResult();

                await tray.GetByRole(AriaRole.Link, new() { Name = "e2e cancelled upload" }).ClickAsync();
                var image = new ImagePage(page);
                await Expect(image.Status).ToHaveTextAsync("queued");
                await Expect(page.GetByTestId("upload-panel")).ToBeVisibleAsync();
                var imageId = page.Url.Split('/')[^1];

                // The same request without the page's antiforgery token, as another site would send it.
                var forged = await page.EvaluateAsync<int>($$"""
                    async () => (await fetch('portal/images/{{imageId}}/uploads', {
                        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ size: 1 }) })).status
                    """);
                Assert.Equal(400, forged);
                await page.ReloadAsync();
                await Expect(image.Status).ToHaveTextAsync("queued");
            });
        }
        finally
        {
            hold.TrySetResult();
            File.Delete(file);
        }
    }

    /// <summary>Writes random bytes without holding them all in memory; returns their sha512.</summary>
    private static async Task<string> WriteRandomFileAsync(string path, int size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        await using var file = File.Create(path);
        var block = new byte[1 << 20];
        for (var written = 0; written < size; written += block.Length)
        {
            RandomNumberGenerator.Fill(block);
            hash.AppendData(block);
            await file.WriteAsync(block);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [Fact]
    public async Task Carol_a_reader_sees_no_edit_actions_and_an_image_name_with_markup_stays_text()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(Carol_a_reader_sees_no_edit_actions_and_an_image_name_with_markup_stays_text), async () =>
        {
            var alerts = new List<string>();
            page.Dialog += (_, dialog) =>
            {
                alerts.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
            await new HomePage(page).SignInAsync("alice");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync();
            await catalog.CreateButton.ClickAsync();
            var dialog = new CreateImageDialog(page);
            await dialog.Name.FillAsync("<script>alert(1)</script>");
            await dialog.Submit.ClickAsync();
            var image = new ImagePage(page);
            await Expect(image.Name).ToHaveTextAsync("<script>alert(1)</script>");
            await Expect(image.Edit).ToBeVisibleAsync();
            var url = page.Url;

            await new HomePage(page).SignOutAsync();
            await new HomePage(page).SignInAsync("carol");
            await page.GotoAsync(url);
            await new HomePage(page).WaitUntilInteractiveAsync();
            await Expect(image.Name).ToHaveTextAsync("<script>alert(1)</script>");
            await Expect(image.Audience).ToBeVisibleAsync();
            await Expect(image.Edit).ToHaveCountAsync(0);
            await Expect(image.Delete).ToHaveCountAsync(0);
            await Expect(image.ChangeVisibility).ToHaveCountAsync(0);

            await catalog.GotoAsync("?scope=mine");
            await Expect(catalog.Link("<script>alert(1)</script>")).ToBeVisibleAsync();
            // A reader is not offered what the policy would refuse, and is told why.
            await Expect(catalog.CreateButton).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("create-image-absent")).ToContainTextAsync("does not let you create images");
            Assert.Empty(alerts);
        });
    }

    [Fact]
    public async Task Carol_cannot_edit_properties_and_the_editor_tells_her_why_while_alice_can()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(Carol_cannot_edit_properties_and_the_editor_tells_her_why_while_alice_can), async () =>
        {
            await new HomePage(page).SignInAsync("carol");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync("?scope=mine");
            await catalog.Link("demo-a golden image 2026-11").ClickAsync();
            await Expect(page.GetByTestId("property-os_distro")).ToHaveTextAsync("debian");
            await Expect(page.GetByTestId("read-only-reason")).ToContainTextAsync("Your role in project demo-a lets you read this image but not change it");
            await Expect(page.GetByTestId("edit-description")).ToHaveCountAsync(0);
            var url = page.Url;

            await new HomePage(page).SignOutAsync();
            await new HomePage(page).SignInAsync("alice");
            await page.GotoAsync(url);
            await new HomePage(page).WaitUntilInteractiveAsync();
            await page.GetByTestId("edit-description").FillAsync("The project's base image, patched.");
            await Expect(page.GetByTestId("preview-change")).ToContainTextAsync("→ \"The project's base image, patched.\"");
            await page.GetByTestId("properties-save").ClickAsync();
            await Expect(page.GetByTestId("property-preview")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("edit-description")).ToHaveValueAsync("The project's base image, patched.");
        });
    }

    [Fact]
    public async Task Switching_project_changes_what_my_project_means()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(Switching_project_changes_what_my_project_means), async () =>
        {
            var home = new HomePage(page);
            await home.SignInAsync("alice");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync("?scope=mine");
            await Expect(catalog.Link("alice's scratch VM")).ToBeVisibleAsync();

            await home.ProjectSwitcher.ClickAsync();
            await home.ProjectChoice("lab").ClickAsync();
            await home.WaitUntilInteractiveAsync();
            await catalog.GotoAsync("?scope=mine");
            await Expect(catalog.Link("lab dataset volume")).ToBeVisibleAsync();
            await Expect(catalog.Link("alice's scratch VM")).ToHaveCountAsync(0);

            await home.ProjectSwitcher.ClickAsync();
            await home.ProjectChoice("demo-a").ClickAsync();
            await home.WaitUntilInteractiveAsync();
            await home.SignOutAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dev-identity/login|/$"));
        });
    }

    [Fact]
    public async Task One_navigation_item_is_highlighted_at_a_time_and_the_inbox_is_not_the_catalog_scope()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(One_navigation_item_is_highlighted_at_a_time_and_the_inbox_is_not_the_catalog_scope), async () =>
        {
            await new HomePage(page).SignInAsync("bob");
            var catalog = new CatalogPage(page);
            var active = page.Locator("nav .mud-nav-link.active");
            foreach (var query in new[] { "", "?scope=mine", "?scope=shared", "?scope=public" })
            {
                await catalog.GotoAsync(query);
                await Expect(active).ToHaveCountAsync(1);
                await Expect(active).ToHaveAttributeAsync("data-testid", "nav-catalog");
            }
            await Expect(catalog.Scope("shared")).ToHaveTextAsync("Shared with my project");

            await page.GetByTestId("nav-shared").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sharing inbox", Level = 1 })).ToBeVisibleAsync();
            await Expect(active).ToHaveCountAsync(1);
            await Expect(active).ToHaveAttributeAsync("data-testid", "nav-shared");
        });
    }

    [Fact]
    public async Task The_columns_menu_toggles_a_column_when_its_name_is_clicked()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(The_columns_menu_toggles_a_column_when_its_name_is_clicked), async () =>
        {
            await new HomePage(page).SignInAsync("bob");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync();
            var ownerHeader = page.GetByTestId("catalog-grid").Locator("thead th").Filter(new() { HasText = "Owner" });
            await Expect(ownerHeader).ToHaveCountAsync(1);

            await page.GetByTestId("columns-menu").ClickAsync();
            var owner = page.GetByTestId("column-owner");
            await owner.GetByText("Owner").ClickAsync();
            await Expect(ownerHeader).ToHaveCountAsync(0);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("hide=[^&]*owner"));
            await Expect(owner).ToHaveAttributeAsync("aria-checked", "false");

            await owner.ClickAsync();
            await Expect(ownerHeader).ToHaveCountAsync(1);
            await Expect(owner).ToHaveAttributeAsync("aria-checked", "true");
        });
    }

    [Fact]
    public async Task The_catalog_and_an_image_page_work_on_a_phone_sized_screen()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await Screenshots.OnFailureAsync(page, nameof(The_catalog_and_an_image_page_work_on_a_phone_sized_screen), async () =>
        {
            await new HomePage(page).SignInAsync("bob");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync();

            // The navigation drawer gives the narrow screen to the content; the menu button opens it.
            await Expect(page.GetByTestId("nav-catalog")).Not.ToBeInViewportAsync();
            await catalog.SearchForAsync("redis");
            await Expect(catalog.ImageLinks).ToHaveCountAsync(1);
            await catalog.ImageLinks.First.ClickAsync();
            await Expect(new ImagePage(page).Name).ToHaveTextAsync("bob's Redis 7 cache");
            await Expect(new ImagePage(page).Edit).ToBeInViewportAsync();
        });
    }
}
