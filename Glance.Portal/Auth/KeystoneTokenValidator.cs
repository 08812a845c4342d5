using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Auth;

/// <summary>What Keystone says about a user's token.</summary>
public sealed record KeystoneIdentity(string UserId, string? UserName, string? ProjectId, IReadOnlyList<string> Roles, DateTimeOffset ExpiresAt);

/// <summary>
/// Validates user tokens against Keystone v3 the way keystonemiddleware does: the service signs in
/// with its own credentials, then <c>GET /v3/auth/tokens</c> with the user's token as
/// <c>X-Subject-Token</c> answers 200 with the token's project, roles and expiry, or 404 when the
/// token is invalid, expired or revoked. Answers are cached briefly.
/// </summary>
public sealed class KeystoneTokenValidator(IHttpClientFactory httpClients, IOptions<KeystoneOptions> options, IMemoryCache cache, TimeProvider clock, ILogger<KeystoneTokenValidator> logger)
{
    public const string HttpClientName = "keystone";

    private readonly SemaphoreSlim _serviceTokenLock = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _serviceToken;

    public async Task<KeystoneIdentity?> ValidateAsync(string userToken, CancellationToken ct)
    {
        var key = "keystone:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userToken)));
        if (cache.TryGetValue(key, out KeystoneIdentity? cached) && cached!.ExpiresAt > clock.GetUtcNow())
        {
            return cached;
        }

        var identity = await AskKeystoneAsync(userToken, retryWithNewServiceToken: true, ct);
        if (identity is not null && options.Value.CacheTime > TimeSpan.Zero)
        {
            var soon = clock.GetUtcNow() + options.Value.CacheTime;
            var until = identity.ExpiresAt < soon ? identity.ExpiresAt : soon;
            cache.Set(key, identity, until);
        }
        return identity;
    }

    private async Task<KeystoneIdentity?> AskKeystoneAsync(string userToken, bool retryWithNewServiceToken, CancellationToken ct)
    {
        var serviceToken = await ServiceTokenAsync(ct);
        using var response = await SendWithOneRetryAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, options.Value.V3 + "/auth/tokens");
            request.Headers.Add("X-Auth-Token", serviceToken);
            request.Headers.Add("X-Subject-Token", userToken);
            return request;
        }, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && retryWithNewServiceToken)
        {
            // Our own token expired or was revoked: sign in again once.
            _serviceToken = null;
            return await AskKeystoneAsync(userToken, retryWithNewServiceToken: false, ct);
        }
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

    /// <summary>
    /// Sends once more on a connection error: a pooled keep-alive connection that Keystone's server
    /// has just closed fails before the request reaches it (seen with uWSGI), and neither call changes
    /// anything on a second try.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithOneRetryAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            using var first = build();
            return await http.SendAsync(first, ct);
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation(ex, "Keystone request failed; trying once more on a new connection");
            using var second = build();
            return await http.SendAsync(second, ct);
        }
    }

    private async Task<string> ServiceTokenAsync(CancellationToken ct)
    {
        if (_serviceToken is { } current && current.ExpiresAt > clock.GetUtcNow().AddMinutes(1))
        {
            return current.Token;
        }
        await _serviceTokenLock.WaitAsync(ct);
        try
        {
            if (_serviceToken is { } again && again.ExpiresAt > clock.GetUtcNow().AddMinutes(1))
            {
                return again.Token;
            }
            var settings = options.Value;
            var body = new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["identity"] = new JsonObject
                    {
                        ["methods"] = new JsonArray("password"),
                        ["password"] = new JsonObject
                        {
                            ["user"] = new JsonObject
                            {
                                ["name"] = settings.ServiceUser,
                                ["domain"] = new JsonObject { ["name"] = settings.ServiceUserDomain },
                                ["password"] = settings.ServicePassword,
                            },
                        },
                    },
                    ["scope"] = new JsonObject
                    {
                        ["project"] = new JsonObject
                        {
                            ["name"] = settings.ServiceProject,
                            ["domain"] = new JsonObject { ["name"] = settings.ServiceProjectDomain },
                        },
                    },
                },
            };
            // A sized body rather than a streamed one: Keystone behind uWSGI does not read chunked requests.
            using var response = await SendWithOneRetryAsync(() => new HttpRequestMessage(HttpMethod.Post, settings.V3 + "/auth/tokens")
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            }, ct);
            if (!response.IsSuccessStatusCode || !response.Headers.TryGetValues("X-Subject-Token", out var tokens))
            {
                throw new InvalidOperationException($"Glance's service user could not sign in to Keystone ({(int)response.StatusCode}).");
            }
            var issued = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            var expires = DateTimeOffset.Parse(issued!["token"]!["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            _serviceToken = (tokens.First(), expires);
            return tokens.First();
        }
        finally
        {
            _serviceTokenLock.Release();
        }
    }
}
