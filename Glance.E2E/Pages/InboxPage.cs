using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>The sharing inbox: offers to the project by answer, and the navigation's pending badge.</summary>
public sealed class InboxPage(IPage page)
{
    public ILocator Badge => page.GetByTestId("pending-badge");

    public ILocator Offers => page.GetByTestId("offer");

    public ILocator Offer(string name) => Offers.Filter(new() { HasText = name });

    public ILocator Tab(string title) => page.GetByRole(AriaRole.Tab).Filter(new() { HasText = title });

    public async Task GotoAsync()
    {
        await page.GotoAsync("/shared-with-me");
        await new HomePage(page).WaitUntilInteractiveAsync();
    }
}
