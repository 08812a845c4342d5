using Glance.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>A portal that the test stops and starts again on the same port and data folder.</summary>
public sealed class RestartFixture : BrowserFixture
{
    private readonly int _port = PortalServer.FreePort();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "glance-e2e-restart", Guid.NewGuid().ToString("N"));

    protected override Task<PortalServer> CreateServerAsync() => Task.FromResult(NewServer());

    private PortalServer NewServer() => new(_port, new Dictionary<string, string> { ["Glance:DataDirectory"] = _data });

    public async Task StopAsync() => await Server.DisposeAsync();

    public void Start()
    {
        Server = NewServer();
        _ = Server.BaseAddress;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

public sealed class RestartTests(RestartFixture fixture) : IClassFixture<RestartFixture>
{
    [Fact]
    public async Task After_a_restart_the_page_says_what_happened_reloads_by_itself_and_alice_is_still_signed_in()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(After_a_restart_the_page_says_what_happened_reloads_by_itself_and_alice_is_still_signed_in), async () =>
        {
            await new HomePage(page).SignInAsync("alice");
            var catalog = new CatalogPage(page);
            await catalog.GotoAsync();
            await page.EvaluateAsync("() => window.beforeRestart = true");

            await fixture.StopAsync();
            var reconnect = page.GetByTestId("reconnect");
            await Expect(reconnect).ToBeVisibleAsync();
            await Expect(reconnect).ToContainTextAsync("connection to the portal was lost");

            fixture.Start();
            // The new portal does not know the old circuit: the page reloads itself, signed in still.
            await page.WaitForFunctionAsync("() => window.beforeRestart === undefined", null, new() { Timeout = 60_000 });
            await new HomePage(page).WaitUntilInteractiveAsync();
            await Expect(reconnect).ToBeHiddenAsync();
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Alice Example");
            await Expect(catalog.CreateButton).ToBeVisibleAsync();
            Assert.EndsWith("/images", page.Url);
        });
    }

    [Fact]
    public async Task The_reconnect_dialog_offers_buttons_not_script_links()
    {
        var page = await fixture.NewPageAsync();
        await new HomePage(page).SignInAsync("alice");

        var buttons = page.GetByTestId("reconnect").Locator("button");

        Assert.Equal(["Try now", "Reload now"], (await buttons.AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal(0, await page.GetByTestId("reconnect").Locator("a[href^='javascript:']").CountAsync());
    }
}
