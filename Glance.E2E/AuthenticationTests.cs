using Glance.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>Signing in to the portal through the embedded OpenID Connect provider (code flow with PKCE).</summary>
public sealed class AuthenticationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_comes_back_signed_in()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dev-identity/login"));
        await new SignInPage(page).SignInAsync("alice", "alice");
        var home = new HomePage(page);
        await home.WaitUntilInteractiveAsync();
        await Expect(home.UserName).ToHaveTextAsync("Alice Example");
        await Expect(home.ProjectSwitcher).ToContainTextAsync("demo-a");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var signIn = new SignInPage(page);

        await signIn.SignInAsync("alice", "not-her-password");

        await Expect(signIn.Error).ToContainTextAsync("wrong");
        await Expect(signIn.UserName).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_chosen_project_is_active_and_remembered_across_visits()
    {
        var page = await fixture.NewPageAsync();
        var home = new HomePage(page);
        await home.SignInAsync("alice");

        await home.ProjectSwitcher.ClickAsync();
        await home.ProjectChoice("lab").ClickAsync();
        await home.WaitUntilInteractiveAsync();
        await Expect(home.ProjectSwitcher).ToContainTextAsync("lab");

        // Signing out and in again keeps the choice, as Horizon does.
        await home.SignOutAsync();
        await home.SignInAsync("alice");
        await Expect(home.ProjectSwitcher).ToContainTextAsync("lab");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        var home = new HomePage(page);
        await home.SignInAsync("carol");
        await Expect(home.UserName).ToHaveTextAsync("Carol Example");

        await home.SignOutAsync();
        await page.GotoAsync("/");

        await Expect(new SignInPage(page).UserName).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%5C%5Cevil.example")]
    [InlineData("%2Fimages%0D%0ASet-Cookie:%20x=1")]
    public async Task A_hostile_return_url_ends_on_a_page_of_the_portal(string returnUrl)
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"/authentication/login?returnUrl={returnUrl}");
        await new SignInPage(page).SignInAsync("bob", "bob");

        var home = new HomePage(page);
        await home.WaitUntilInteractiveAsync();
        Assert.Equal(fixture.Server.BaseAddress.Authority, new Uri(page.Url).Authority);
        await Expect(home.UserName).ToHaveTextAsync("Bob Example");
    }

    [Fact]
    public async Task Guessing_a_password_is_slowed_down_with_a_clear_message()
    {
        var page = await fixture.NewPageAsync();
        var account = "guess-" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/");
        var signIn = new SignInPage(page);

        // The development provider allows ten attempts a minute for one account from one client.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await signIn.SignInAsync(account, "guess" + attempt);
            await Expect(signIn.Error).ToContainTextAsync("wrong");
        }
        var limited = page.WaitForResponseAsync(r => r.Url.Contains("/dev-identity/login") && r.Request.Method == "POST");
        await signIn.SignInAsync(account, "one more");

        Assert.Equal(429, (await limited).Status);
        Assert.NotNull((await limited).Headers.GetValueOrDefault("retry-after"));
        await Expect(page.Locator("body")).ToContainTextAsync("Too many sign-in attempts");
    }
}
