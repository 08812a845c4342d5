using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Glance.E2E;

/// <summary>
/// The API with JWT access tokens from an external authority (npm's oidc-provider, client
/// credentials): validated for issuer, audience and signature through the provider's JWKS.
/// </summary>
public sealed class ExternalTokenTests(ExternalProviderFixture fixture) : IClassFixture<ExternalProviderFixture>
{
    private async Task<string> TokenAsync(string resource)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String("glance-script:test-only-script-secret"u8.ToArray()));
        var response = await http.PostAsync(new Uri(fixture.ProviderAddress, "/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "images",
            ["resource"] = resource,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return (string)body!["access_token"]!;
    }

    private HttpClient Api(string token)
    {
        var client = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return client;
    }

    [Fact]
    public async Task A_token_for_glance_calls_the_api_as_the_tokens_project()
    {
        var client = Api(await TokenAsync("urn:glance"));

        var response = await client.PostAsJsonAsync("/image/v2/images", new { name = "external" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("ext-script", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["owner"]);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var response = await Api(await TokenAsync("urn:other")).GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_a_broken_signature_is_401()
    {
        var token = await TokenAsync("urn:glance");
        var broken = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await Api(broken).GetAsync("/image/v2/images");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
