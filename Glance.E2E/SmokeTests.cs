using System.Text.Json;
using Glance.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

public sealed class SmokeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_portal_starts_interactive_and_shows_the_image_api_endpoint()
    {
        var page = await fixture.NewPageAsync();
        var home = new HomePage(page);

        await home.SignInAsync("bob");

        await Expect(home.Heading).ToBeVisibleAsync();
        await Expect(home.ApiEndpoint).ToHaveTextAsync(fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/image");
    }

    [Fact]
    public async Task Every_page_names_a_favicon_that_is_served()
    {
        var page = await fixture.NewPageAsync();
        await new HomePage(page).SignInAsync("bob");

        var href = await page.Locator("head link[rel=icon]").GetAttributeAsync("href");

        Assert.NotNull(href);
        var icon = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, icon.Status);
        Assert.Equal("image/svg+xml", icon.Headers["content-type"]);
    }

    [Fact]
    public async Task The_theme_toggle_answers_a_click_once_the_circuit_is_live()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        var home = new HomePage(page);
        await home.SignInAsync("bob");
        var before = await home.BackgroundColorAsync();

        await home.DarkModeToggle.ClickAsync();

        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
    }

    [Fact]
    public async Task The_theme_follows_the_browsers_preference_until_the_user_picks_one_which_is_remembered()
    {
        var page = await fixture.NewPageAsync(colorScheme: ColorScheme.Dark);
        var home = new HomePage(page);
        await home.SignInAsync("bob");
        await Expect(home.DarkModeToggle).ToHaveAttributeAsync("data-theme", "dark");

        await home.DarkModeToggle.ClickAsync();
        await Expect(home.DarkModeToggle).ToHaveAttributeAsync("data-theme", "light");

        await home.GotoAsync();
        await Expect(home.DarkModeToggle).ToHaveAttributeAsync("data-theme", "light");
    }

    [Fact]
    public async Task Keyboard_focus_is_clearly_visible()
    {
        var page = await fixture.NewPageAsync();
        await new HomePage(page).SignInAsync("bob");

        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<string[]>(
                "() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }");
            Assert.True(ring[1] == "solid" && float.Parse(ring[2].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 2,
                $"focus on {ring[0]} shows outline {ring[1]} {ring[2]}");
        }
    }

    [Fact]
    public async Task The_api_endpoint_shown_answers_the_version_document()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.APIRequest.GetAsync("/image/", new() { MaxRedirects = 0 });

        Assert.Equal(300, response.Status);
        var versions = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("versions");
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("status").GetString() == "CURRENT");
    }
}
