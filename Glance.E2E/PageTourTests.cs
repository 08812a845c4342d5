using Glance.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>
/// Every main page as each persona at a desktop width (1280 px) and a phone's (390 px): a screenshot
/// for reviewers in TestResults/screenshots, no sideways scrolling, and nothing axe-core finds serious
/// or critical.
/// </summary>
public sealed class PageTourTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string PublicImage = "Debian 12 (bookworm) generic cloud";

    private sealed record Stop(string Name, string Path, Func<IPage, ILocator> Ready);

    private static IEnumerable<Stop> Tour(string persona)
    {
        yield return new("home", "/", p => p.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        yield return new("catalog", "/images", p => p.GetByTestId("image-link").First);
        yield return new("image", "/images", p => p.GetByTestId("image-name"));
        if (persona is "alice" or "bob")
        {
            yield return new("own-image", "/images?scope=mine", p => p.GetByTestId("image-name"));
        }
        yield return new("inbox", "/shared-with-me", p => p.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        yield return new("outbox", "/my-shares", p => p.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        yield return new("activity", "/activity", p => p.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        yield return new("api-access", "/api-access", p => p.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        if (persona == "admin")
        {
            yield return new("admin", "/admin", p => p.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        }
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    [InlineData("carol")]
    [InlineData("admin")]
    public async Task Every_main_page_fits_a_desktop_and_a_phone_and_axe_finds_nothing_serious(string persona)
    {
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await fixture.NewPageAsync(new ViewportSize { Width = width, Height = width == 390 ? 844 : 800 });
            await Screenshots.OnFailureAsync(page, $"tour-{persona}-{width}", async () =>
            {
                await new HomePage(page).SignInAsync(persona);
                foreach (var stop in Tour(persona))
                {
                    await VisitAsync(page, stop);
                    await page.ScreenshotAsync(new() { Path = Path.Combine(TestResultsFolder.Screenshots, $"{persona}-{width}-{stop.Name}.png"), FullPage = true });
                    if (await SidewaysAsync(page) is { } sideways)
                    {
                        problems.Add($"{width} px {stop.Name}: {sideways}");
                    }
                    problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{width} px {stop.Name}: {v}"));
                }
            });
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, "\n" + string.Join("\n", problems));
    }

    /// <summary>Opens the stop's page; the image stops open an image from the catalog as a person would.</summary>
    private static async Task VisitAsync(IPage page, Stop stop)
    {
        await page.GotoAsync(stop.Path);
        await new HomePage(page).WaitUntilInteractiveAsync();
        if (stop.Name == "image")
        {
            await page.GotoAsync("/images?q=" + Uri.EscapeDataString("bookworm"));
            await new HomePage(page).WaitUntilInteractiveAsync();
            await page.GetByTestId("image-link").Filter(new() { HasText = PublicImage }).ClickAsync();
        }
        else if (stop.Name == "own-image")
        {
            await page.GetByTestId("image-link").First.ClickAsync();
        }
        await Expect(stop.Ready(page)).ToBeVisibleAsync();
    }

    /// <summary>How far the page scrolls sideways, naming the elements that reach past its right edge; null when it does not.</summary>
    private static async Task<string?> SidewaysAsync(IPage page) => await page.EvaluateAsync<string?>("""
        () => {
          const width = document.documentElement.clientWidth;
          const overflow = document.documentElement.scrollWidth - width;
          if (overflow <= 0) return null;
          const outside = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
            .slice(0, 3)
            .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '') + (e.dataset.testid ? `[${e.dataset.testid}]` : ''));
          return `the page scrolls sideways by ${overflow} px (past the edge: ${outside.join(', ')})`;
        }
        """);

    [Theory]
    [InlineData("bob")]
    [InlineData("alice")]
    public async Task On_a_phone_the_header_the_theme_toggle_and_the_inbox_answers_are_within_reach(string persona)
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await Screenshots.OnFailureAsync(page, $"phone-reach-{persona}", async () =>
        {
            await new HomePage(page).SignInAsync(persona);
            var inbox = new InboxPage(page);
            await inbox.GotoAsync();
            await Expect(inbox.Offers.First).ToBeVisibleAsync();

            var targets = new[]
            {
                new HomePage(page).DarkModeToggle,
                page.GetByRole(AriaRole.Button, new() { Name = "Menu" }),
                new HomePage(page).SignOutButton,
                inbox.Offers.First.GetByTestId("offer-accept"),
                inbox.Offers.First.GetByTestId("offer-reject"),
            };
            foreach (var target in targets)
            {
                // Scrolled into view up and down only: nothing may need a sideways scroll to be reached.
                var right = await target.EvaluateAsync<double>("""
                    e => {
                      window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 200);
                      for (let a = e.parentElement; a; a = a.parentElement) a.scrollLeft = 0;
                      const box = e.getBoundingClientRect();
                      return box.width > 0 ? box.right : 9999;
                    }
                    """);
                Assert.InRange(right, 1, 390);
            }
            Assert.Null(await SidewaysAsync(page));

            // The toggle works there too.
            var before = await new HomePage(page).BackgroundColorAsync();
            await new HomePage(page).DarkModeToggle.ClickAsync();
            await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
        });
    }

    [Fact]
    public async Task At_1280_px_the_catalog_grid_shows_every_column_without_cutting_any()
    {
        var page = await fixture.NewPageAsync(new ViewportSize { Width = 1280, Height = 800 });
        await new HomePage(page).SignInAsync("admin");
        var catalog = new CatalogPage(page);
        await catalog.GotoAsync("?scope=all");
        await Expect(page.GetByTestId("image-link").First).ToBeVisibleAsync();

        var grid = page.GetByTestId("catalog-grid");
        var cut = await grid.EvaluateAsync<int>("""
            grid => {
              const scroller = grid.querySelector('.mud-table-container') ?? grid;
              return scroller.scrollWidth - scroller.clientWidth;
            }
            """);
        Assert.Equal(0, cut);
        var headers = await grid.Locator("th").AllInnerTextsAsync();
        Assert.Equal(["Name", "OS", "Status", "Visibility", "Size", "Format", "Owner", "Created", "Updated"],
            headers.Select(h => h.Trim()).Where(h => h.Length > 0));
        // No header is squeezed into a column narrower than its own word.
        var squeezed = await grid.EvaluateAsync<string[]>("grid => [...grid.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText.trim()).slice(0, 5)");
        Assert.Empty(squeezed);
    }
}
