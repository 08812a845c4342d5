using Microsoft.Playwright;

namespace Glance.E2E;

/// <summary>Keeps a screenshot of the page when a test fails, under TestResults/screenshots.</summary>
public static class Screenshots
{
    public static async Task OnFailureAsync(IPage page, string test, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            var file = Path.Combine(TestResultsFolder.Screenshots, $"failed-{test}-{DateTime.UtcNow:HHmmss}.png");
            try
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                Console.Error.WriteLine($"Screenshot of the failure: {file}");
            }
            catch (PlaywrightException)
            {
                // The page is gone; the test's own error says more than a missing picture would.
            }
            throw;
        }
    }
}
