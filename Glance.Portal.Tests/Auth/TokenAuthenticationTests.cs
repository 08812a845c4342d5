using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Glance.Portal.Tests.Auth;

/// <summary>Bearer tokens from the embedded provider on the API: what is accepted and what is 401.</summary>
public sealed class TokenAuthenticationTests(DevIdentityFactory factory) : IClassFixture<DevIdentityFactory>
{
    [Fact]
    public async Task A_password_grant_token_calls_the_api_as_the_users_default_project()
    {
        var client = factory.ClientWithToken(await factory.TokenAsync("alice"));

        var image = await client.CreateImageAsync();

        Assert.Equal("demo-a", (string?)image["owner"]);
    }

    [Fact]
    public async Task The_project_parameter_picks_another_of_the_users_projects()
    {
        var client = factory.ClientWithToken(await factory.TokenAsync("alice", project: "lab"));

        Assert.Equal("lab", (string?)(await client.CreateImageAsync())["owner"]);
    }

    [Fact]
    public async Task The_openstack_clients_header_carries_the_token_too()
    {
        var client = factory.ClientWithToken(await factory.TokenAsync("bob"), asXAuthToken: true);

        Assert.Equal("demo-b", (string?)(await client.CreateImageAsync())["owner"]);
    }

    [Fact]
    public async Task Admin_tokens_carry_the_admin_role()
    {
        var admin = factory.ClientWithToken(await factory.TokenAsync("admin"));

        var image = await admin.CreateImageAsync(new { visibility = "public" });

        Assert.Equal("public", (string?)image["visibility"]);
    }

    [Fact]
    public async Task A_project_the_user_is_not_in_gets_no_token()
    {
        var response = await factory.RequestTokenAsync("bob", "bob", project: "lab");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
    }

    [Theory]
    [InlineData("alice", "bob")]
    [InlineData("mallory", "mallory")]
    public async Task Wrong_credentials_get_no_token(string user, string password)
    {
        var response = await factory.RequestTokenAsync(user, password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
    }

    [Fact]
    public async Task A_call_without_a_token_is_401_with_www_authenticate()
    {
        var response = await factory.CreateClient().GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Identity_headers_alone_are_not_trusted()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Identity-Status", "Confirmed");
        client.DefaultRequestHeaders.Add("X-Project-Id", "demo-a");
        client.DefaultRequestHeaders.Add("X-Roles", "admin");

        var response = await client.PostAsJsonAsync("/image/v2/images", new { name = "sneaky" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_garbled_token_is_401()
    {
        var response = await factory.ClientWithToken("not-a-token").GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_a_tampered_payload_is_401()
    {
        var token = await factory.TokenAsync("alice");
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["project_id"] = "admin";
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        var response = await factory.ClientWithToken(forged).GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var otherKey = new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)), SecurityAlgorithms.RsaSha256);

        var response = await factory.ClientWithToken(Forge(otherKey, "glance")).GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401_while_the_same_token_for_glance_is_accepted()
    {
        factory.CreateClient();
        var key = factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];

        var forOthers = await factory.ClientWithToken(Forge(key, "another-service")).GetAsync("/image/v2/images");
        var forGlance = await factory.ClientWithToken(Forge(key, "glance")).GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, forOthers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forGlance.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        factory.CreateClient();
        var key = factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];

        var response = await factory.ClientWithToken(Forge(key, "glance", expires: DateTime.UtcNow.AddMinutes(-10))).GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>An access token shaped like the provider's own, with what the test wants changed.</summary>
    private static string Forge(SigningCredentials key, string audience, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            // The provider's fixed issuer, whatever host the request names.
            Issuer = "http://glance-dev-identity.invalid/",
            Audience = audience,
            IssuedAt = now.AddMinutes(-30),
            NotBefore = now.AddMinutes(-30),
            Expires = expires ?? now.AddMinutes(30),
            TokenType = "at+jwt",
            SigningCredentials = key,
            Subject = new ClaimsIdentity([new Claim("sub", "alice"), new Claim("project_id", "demo-a"), new Claim("role", "member")]),
        });
    }
}

public sealed class DevIdentitySignInPageTests(DevIdentityFactory factory) : IClassFixture<DevIdentityFactory>
{
    [Fact]
    public async Task A_sign_in_post_without_the_forms_antiforgery_token_is_refused_with_400()
    {
        var response = await factory.CreateClient().PostAsync("/dev-identity/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "alice", ["password"] = "alice" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sign in again", await response.Content.ReadAsStringAsync());
    }
}
