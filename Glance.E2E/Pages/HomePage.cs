using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>The portal's landing page.</summary>
public sealed class HomePage(IPage page)
{
    public ILocator ApiEndpoint => page.GetByTestId("api-endpoint");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Glance Portal", Level = 1 });

    public ILocator DarkModeToggle => page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" });

    public ILocator UserName => page.GetByTestId("user-name");

    public ILocator ProjectSwitcher => page.GetByTestId("project-switcher");

    public ILocator SignOutButton => page.GetByTestId("sign-out");

    public ILocator ProjectChoice(string project) => page.GetByTestId($"project-{project}");

    public Task<string> BackgroundColorAsync() => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    /// <summary>Opens the page and waits until the Blazor circuit is interactive.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync("/");
        await WaitUntilInteractiveAsync();
    }

    public Task WaitUntilInteractiveAsync() =>
        page.GetByTestId("app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Signs out and waits for the provider's sign-in page: sign-out posts a form to the provider,
    /// so a navigation started before that form is sent would keep the provider's session.
    /// </summary>
    public async Task SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        await new SignInPage(page).UserName.WaitForAsync();
    }

    /// <summary>Opens the portal, which sends an anonymous visitor through the provider's sign-in page.</summary>
    public async Task SignInAsync(string user)
    {
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync(user, user);
        await WaitUntilInteractiveAsync();
    }
}
