using Microsoft.Playwright;

namespace Glance.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright: browser downloads are impossible here, so the launch
/// names the installed binary and the flags that keep it off the network.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public PortalServer Server { get; protected set; } = null!;

    /// <summary>The portal under test; by default on a free port with the embedded identity provider.</summary>
    protected virtual Task<PortalServer> CreateServerAsync() => Task.FromResult(new PortalServer());

    public virtual async ValueTask InitializeAsync()
    {
        // Several portals and browsers share two cores while the suite runs; give assertions room.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(10_000);
        Server = await CreateServerAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultChromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
