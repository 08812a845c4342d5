using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;

namespace Glance.Portal.Auth;

/// <summary>What Keystone says about a user's token.</summary>
public sealed record KeystoneIdentity(string UserId, string? UserName, string? ProjectId, IReadOnlyList<string> Roles, DateTimeOffset ExpiresAt);

/// <summary>
/// Validates user tokens against Keystone v3 the way keystonemiddleware does: the service signs in
/// with its own credentials, then <c>GET /v3/auth/tokens</c> with the user's token as
/// <c>X-Subject-Token</c> answers 200 with the token's project, roles and expiry, or 404 when the
/// token is invalid, expired or revoked. Answers are cached briefly.
/// </summary>
public sealed class KeystoneTokenValidator(KeystoneServiceSession keystone, IMemoryCache cache, TimeProvider clock, ILogger<KeystoneTokenValidator> logger)
{
    public async Task<KeystoneIdentity?> ValidateAsync(string userToken, CancellationToken ct)
    {
        var key = "keystone:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userToken)));
        if (cache.TryGetValue(key, out KeystoneIdentity? cached) && cached!.ExpiresAt > clock.GetUtcNow())
        {
            return cached;
        }

        var identity = await AskKeystoneAsync(userToken, ct);
        if (identity is not null && keystone.CacheTime > TimeSpan.Zero)
        {
            var soon = clock.GetUtcNow() + keystone.CacheTime;
            var until = identity.ExpiresAt < soon ? identity.ExpiresAt : soon;
            cache.Set(key, identity, until);
        }
        return identity;
    }

    private async Task<KeystoneIdentity?> AskKeystoneAsync(string userToken, CancellationToken ct)
    {
        using var response = await keystone.SendAsync(serviceToken =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, keystone.V3 + "/auth/tokens");
            request.Headers.Add("X-Auth-Token", serviceToken);
            request.Headers.Add("X-Subject-Token", userToken);
            return request;
        }, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
        {
            logger.LogInformation("Keystone answered {Status} for a user token", (int)response.StatusCode);
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Keystone answered {Status} when validating a token", (int)response.StatusCode);
            return null;
        }
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))?["token"];
        if (token?["user"]?["id"]?.GetValue<string>() is not { } userId)
        {
            return null;
        }
        return new KeystoneIdentity(
            userId,
            token["user"]?["name"]?.GetValue<string>(),
            token["project"]?["id"]?.GetValue<string>(),
            token["roles"]?.AsArray().Select(r => r?["name"]?.GetValue<string>()).OfType<string>().ToList() ?? [],
            DateTimeOffset.Parse(token["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
