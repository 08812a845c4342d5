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

        // The token command names alice and asks for her password; pasted into a shell and answered,
        // it gets a token the API takes.
        var command = await apiAccess.Snippet("token").InnerTextAsync();
        Assert.Contains("username=alice", command);
        Assert.Contains("read -rsp", command);
        var script = command + $"\ncurl -s -o /dev/null -w '%{{http_code}}' -H \"X-Auth-Token: $OS_AUTH_TOKEN\" {endpoint}/v2/images";
        Assert.Equal("200", await BashAsync(script, input: "alice\n"));
    }

    private static async Task<string> BashAsync(string script, string input)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        })!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
