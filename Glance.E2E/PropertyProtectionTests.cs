using Glance.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

/// <summary>An admin's new protection rule takes effect on the next page alice opens, with no restart. Its own portal: rules are global.</summary>
public sealed class PropertyProtectionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Image = "demo-a golden image 2026-11";

    private static async Task AddSectionAsync(IPage page, string pattern, string who)
    {
        var rows = await page.GetByTestId("rule-row").CountAsync();
        await page.GetByTestId("rule-add").ClickAsync();
        await Expect(page.GetByTestId("rule-row")).ToHaveCountAsync(rows + 1);
        await page.GetByTestId("rule-pattern").Last.FillAsync(pattern);
        foreach (var operation in new[] { "create", "read", "update", "delete" })
        {
            await page.GetByTestId($"rule-{operation}").Last.FillAsync(who);
        }
    }

    [Fact]
    public async Task An_admin_hides_billing_properties_from_members_and_alice_stops_seeing_them_at_once()
    {
        var alice = await fixture.NewPageAsync();
        var admin = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(admin, "protection-admin", () => Screenshots.OnFailureAsync(alice, "protection-alice", async () =>
        {
            await new HomePage(alice).SignInAsync("alice");
            var catalog = new CatalogPage(alice);
            await catalog.GotoAsync("?scope=mine");
            await catalog.Link(Image).ClickAsync();
            await alice.GetByTestId("new-property-name").FillAsync("x_billing_code");
            await alice.GetByTestId("new-property-value").FillAsync("CC-42");
            await alice.GetByTestId("new-property-add").ClickAsync();
            await alice.GetByTestId("properties-save").ClickAsync();
            await Expect(alice.Locator("[data-property=x_billing_code]")).ToBeVisibleAsync();
            var imageUrl = alice.Url;

            await new HomePage(admin).SignInAsync("admin");
            await admin.GotoAsync("/admin");
            await new HomePage(admin).WaitUntilInteractiveAsync();
            await AddSectionAsync(admin, "^x_billing_.*", "admin");
            await AddSectionAsync(admin, ".*", "@");
            await Expect(admin.GetByTestId("draft-error")).ToHaveCountAsync(0);
            await admin.GetByTestId("rule-comment").FillAsync("billing codes are for admins");
            await admin.GetByTestId("rule-save").ClickAsync();
            await Expect(admin.GetByTestId("version-row")).ToHaveCountAsync(1);

            await alice.ReloadAsync();
            await new HomePage(alice).WaitUntilInteractiveAsync();
            await Expect(new ImagePage(alice).Name).ToHaveTextAsync(Image);
            await Expect(alice.Locator("[data-property=x_billing_code]")).ToHaveCountAsync(0);
            await Expect(alice.Locator("[data-property=os_distro]")).ToBeVisibleAsync();

            await admin.GotoAsync(imageUrl);
            await new HomePage(admin).WaitUntilInteractiveAsync();
            await Expect(admin.Locator("[data-property=x_billing_code]")).ToBeVisibleAsync();
        }));
    }
}
