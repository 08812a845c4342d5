using System.Diagnostics;
using Glance.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Glance.E2E;

public sealed class ApiAccessTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_page_gives_the_endpoint_and_a_token_command_that_works()
    {
        var page = await fixture.NewPageAsync();
        var home = new HomePage(page);
        await home.SignInAsync("alice");
        var apiAccess = new ApiAccessPage(page);

        await apiAccess.NavLink.ClickAsync();

        await Expect(apiAccess.Heading).ToBeVisibleAsync();
        var endpoint = fixture.Server.BaseAddress.ToString().TrimEnd('/') + "/image";
        await Expect(apiAccess.Snippet("endpoint")).ToHaveTextAsync(endpoint);
        await Expect(apiAccess.Project).ToHaveTextAsync("demo-a");
        await Expect(apiAccess.Snippet("openstack")).ToContainTextAsync(endpoint + "/v2");

        // The token command, pasted into a shell with alice's credentials, gets a token the API takes.
        var command = (await apiAccess.Snippet("token").InnerTextAsync())
            .Replace("YOUR_USER", "alice").Replace("YOUR_PASSWORD", "alice");
        var script = command + $"\ncurl -s -o /dev/null -w '%{{http_code}}' -H \"X-Auth-Token: $OS_AUTH_TOKEN\" {endpoint}/v2/images";
        Assert.Equal("200", await BashAsync(script));
    }

    private static async Task<string> BashAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
