using System.Net;
using System.Net.Http.Headers;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Auth;

/// <summary>Tokens from the development provider outlive a restart and do not depend on the host name they were got at.</summary>
public sealed class DevIdentityTokenLifetimeTests
{
    private static HttpRequestMessage ListImages(string token, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/image/v2/images");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return request;
    }

    [Fact]
    public async Task A_token_got_at_localhost_is_good_at_127_0_0_1()
    {
        await using var factory = new DevIdentityFactory();
        var token = await factory.TokenAsync("alice");

        var response = await factory.CreateClient().SendAsync(ListImages(token, "127.0.0.1:5000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_stays_good_when_the_portal_starts_again_on_the_same_data_folder()
    {
        await using var first = new DevIdentityFactory();
        var token = await first.TokenAsync("alice");
        var key = Path.Combine(first.DataDirectory, "dev-identity-signing-key.pem");
        Assert.True(File.Exists(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        await using var again = new DevIdentityFactory();
        again.With("Glance:DataDirectory", first.DataDirectory);
        var response = await again.CreateClient().SendAsync(ListImages(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_another_portals_key_is_refused()
    {
        await using var first = new DevIdentityFactory();
        var token = await first.TokenAsync("alice");

        await using var other = new DevIdentityFactory();
        var response = await other.CreateClient().SendAsync(ListImages(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
