using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>The sign-in page of the embedded development identity provider.</summary>
public sealed class SignInPage(IPage page)
{
    public ILocator UserName => page.GetByLabel("User name");

    public ILocator Password => page.GetByLabel("Password");

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task SignInAsync(string user, string password)
    {
        await UserName.FillAsync(user);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
    }
}
