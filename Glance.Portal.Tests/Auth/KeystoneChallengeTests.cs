using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Auth;

/// <summary>In Keystone mode a 401 names the Keystone to get a token from, as keystonemiddleware's does.</summary>
public sealed class KeystoneChallengeTests
{
    [Theory]
    [InlineData(null, "Keystone uri=\"http://127.0.0.1:9/identity\"")]
    [InlineData("https://keystone.example:5000/", "Keystone uri=\"https://keystone.example:5000/\"")]
    public async Task A_call_without_a_token_is_401_naming_keystone(string? wwwAuthenticateUri, string expected)
    {
        await using var factory = new PortalApiFactory()
            .With("Glance:Api:TrustedHeaders", "false")
            .With("Glance:Api:Keystone:Url", "http://127.0.0.1:9/identity/")
            .With("Glance:Api:Keystone:WwwAuthenticateUri", wwwAuthenticateUri);

        var response = await factory.CreateClient().GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(expected, response.Headers.WwwAuthenticate.ToString());
        Assert.StartsWith("401 Unauthorized", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_keystone_the_challenge_stays_bearer()
    {
        await using var factory = new PortalApiFactory().With("Glance:Api:TrustedHeaders", "false");
        var response = await factory.CreateClient().GetAsync("/image/v2/images");
        Assert.Equal("Bearer realm=\"glance\"", response.Headers.WwwAuthenticate.ToString());
    }
}
