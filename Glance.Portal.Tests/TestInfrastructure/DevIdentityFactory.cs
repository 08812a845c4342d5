using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>The portal with its embedded OpenID Connect provider on and trusted headers off, as in development.</summary>
public sealed class DevIdentityFactory : PortalApiFactory
{
    public DevIdentityFactory()
    {
        With("Glance:DevIdentity:Enabled", "true");
        With("Glance:Api:TrustedHeaders", "false");
        // Many tests sign the same account in within a minute; the limit's own tests lower it again.
        With("Glance:DevIdentity:LoginAttemptsPerMinute", "1000");
    }

    /// <summary>The password grant, as a script would use it.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string user, string password, string? project = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "glance-cli",
            ["username"] = user,
            ["password"] = password,
        };
        if (project is not null)
        {
            form["project"] = project;
        }
        return await CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> TokenAsync(string user, string? project = null)
    {
        var response = await RequestTokenAsync(user, user, project);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    public HttpClient ClientWithToken(string token, bool asXAuthToken = false)
    {
        var client = CreateClient();
        if (asXAuthToken)
        {
            client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }
        else
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
