using Microsoft.Playwright;

namespace Glance.E2E.Pages;

/// <summary>The create dialog with its browser upload.</summary>
public sealed class CreateImageDialog(IPage page)
{
    public ILocator Dialog => page.GetByTestId("create-dialog");

    public ILocator Name => Dialog.GetByLabel("Name");

    public ILocator File => page.GetByTestId("upload-file");

    public ILocator Progress => page.GetByTestId("upload-progress");

    public ILocator Submit => page.GetByTestId("create-submit");

    public ILocator Open => page.GetByTestId("create-open");

    public ILocator KeepInBackground => page.GetByTestId("create-background");
}
