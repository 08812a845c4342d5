using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>One image's page: its facts, the access explanation and the actions the caller may take.</summary>
public sealed class ImagePage(IPage page)
{
    public ILocator Name => page.GetByTestId("image-name");

    public ILocator Status => page.GetByTestId("image-status");

    public ILocator Audience => page.GetByTestId("access-audience");

    public ILocator OsHash => page.GetByTestId("os-hash");

    public ILocator Actions => page.GetByTestId("image-actions");

    public ILocator Edit => page.GetByTestId("action-edit");

    public ILocator ChangeVisibility => page.GetByTestId("action-visibility");

    public ILocator Delete => page.GetByTestId("action-delete");

    public ILocator Download => page.GetByTestId("action-download");

    public ILocator NotFound => page.GetByTestId("image-not-found");

    public ILocator SharingTab => page.GetByRole(AriaRole.Tab, new() { Name = "Sharing" });

    public ILocator ActivityTab => page.GetByRole(AriaRole.Tab, new() { Name = "Activity" });

    public ILocator MemberProject => page.GetByTestId("add-member-project");

    /// <summary>Types part of a project's name into the picker and picks the project from the list it offers.</summary>
    public async Task PickProjectAsync(string typed, string label)
    {
        await MemberProject.FillAsync(typed);
        await page.Locator(".mud-popover-open").GetByText(label, new() { Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"[data-testid=project-chip]").Filter(new() { HasText = label })).ToBeVisibleAsync();
    }

    public ILocator Share => page.GetByTestId("add-member-submit");

    public ILocator MemberRow(string project) => page.Locator($"[data-testid=member-row][data-member='{project}']");

    public ILocator Timeline => page.GetByTestId("timeline");
}
