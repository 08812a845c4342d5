using Glance.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>Sign-in through npm's oidc-provider: the portal is a plain OpenID Connect client of any provider.</summary>
public sealed class ExternalProviderTests(ExternalProviderFixture fixture) : IClassFixture<ExternalProviderFixture>
{
    [Fact]
    public async Task A_user_signs_in_through_an_external_provider_with_its_own_claim_names()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");

        // oidc-provider's development login and consent pages.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"^{fixture.ProviderAddress}interaction/"));
        await page.Locator("input[name=login]").FillAsync("erin");
        await page.Locator("input[name=password]").FillAsync("any");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("button[type=submit]").ClickAsync();

        var home = new HomePage(page);
        await home.WaitUntilInteractiveAsync();
        await Expect(home.UserName).ToHaveTextAsync("Erin External");
        await Expect(home.ProjectSwitcher).ToContainTextAsync("ext-a");

        // The roles come from the provider's per-project claim: reader only in ext-b.
        await home.ProjectSwitcher.ClickAsync();
        await home.ProjectChoice("ext-b").ClickAsync();
        await home.WaitUntilInteractiveAsync();
        await Expect(home.ProjectSwitcher).ToContainTextAsync("ext-b");
        await page.GotoAsync("/api-access");
        await Expect(page.GetByTestId("api-project")).ToHaveTextAsync("ext-b");
    }
}
