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
        // Two portals and browsers share two cores while the suite runs, sometimes beside other work:
        // budgets that fit a busy machine (load 8 on 2 cores), not a quiet one.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000);
        Server = await CreateServerAsync();
        await WarmUpAsync(Server.BaseAddress);
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

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Makes the portal answer once before a browser asks: the first request opens the database and
    /// fetches the provider's configuration, which a test's first navigation should not pay for.
    /// </summary>
    private static async Task WarmUpAsync(Uri portal)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(2) };
        (await http.GetAsync("/healthcheck")).EnsureSuccessStatusCode();
        await http.GetAsync("/");
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
