using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>The page that tells scripts and CLIs how to reach the API.</summary>
public sealed class ApiAccessPage(IPage page)
{
    public ILocator NavLink => page.GetByRole(AriaRole.Link, new() { Name = "API access" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "API access", Level = 1 });

    public ILocator Snippet(string name) => page.GetByTestId($"snippet-{name}").Locator("pre");

    public ILocator Project => page.GetByTestId("api-project");
}
