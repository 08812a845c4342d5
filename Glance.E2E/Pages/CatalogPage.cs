using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>The catalog: scopes, search, facet chips, the grid and its pager.</summary>
public sealed class CatalogPage(IPage page)
{
    public ILocator Search => page.GetByLabel("Search names, descriptions and properties");

    public ILocator Rows => page.GetByTestId("catalog-grid").Locator("tbody tr");

    public ILocator ImageLinks => page.GetByTestId("image-link");

    public ILocator ResultCount => page.GetByTestId("result-count");

    public ILocator CreateButton => page.GetByTestId("create-image");

    public ILocator Facet(string facet, string value) => page.GetByTestId($"facet-{facet}-{value}");

    public ILocator Scope(string scope) => page.GetByTestId($"scope-{scope}");

    public ILocator Link(string name) => ImageLinks.Filter(new() { HasText = name });

    public async Task GotoAsync(string query = "")
    {
        await page.GotoAsync("/images" + query);
        await new HomePage(page).WaitUntilInteractiveAsync();
    }

    public async Task SearchForAsync(string text)
    {
        await Search.FillAsync(text);
        await Search.PressAsync("Enter");
    }
}
