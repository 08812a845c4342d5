using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E.Pages;

/// <summary>The portal's confirmation dialog.</summary>
public sealed class ConfirmDialog(IPage page)
{
    public ILocator Dialog => page.GetByTestId("confirm-dialog");

    public ILocator Message => page.GetByTestId("confirm-message");

    /// <summary>
    /// Confirms once the dialog has finished opening. A click that lands while MudBlazor is still
    /// placing the dialog can miss it; the dialog then stays open and the click is repeated once.
    /// </summary>
    public async Task ConfirmAsync()
    {
        await Expect(Message).ToBeVisibleAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        try
        {
            await Expect(Dialog).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            await page.GetByTestId("confirm-ok").ClickAsync();
            await Expect(Dialog).ToHaveCountAsync(0);
        }
    }
}
