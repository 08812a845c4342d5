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
    /// placing the dialog can miss it; while the dialog stays open the click is repeated, and a
    /// dialog that closes slowly (a busy machine) is not clicked again.
    /// </summary>
    public async Task ConfirmAsync()
    {
        await Expect(Message).ToBeVisibleAsync();
        var ok = page.GetByTestId("confirm-ok");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await Dialog.CountAsync() == 0)
            {
                return;
            }
            try
            {
                await ok.ClickAsync(new() { Timeout = 5_000 });
                await Expect(Dialog).ToHaveCountAsync(0, new() { Timeout = 10_000 });
                return;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // Still open, or closed between the check and the click: look again.
            }
        }
        await Expect(Dialog).ToHaveCountAsync(0);
    }
}
