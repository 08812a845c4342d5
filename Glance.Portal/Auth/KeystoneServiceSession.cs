using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Auth;

/// <summary>
/// Glance's own session with Keystone, as keystonemiddleware keeps one: the service user signs in with
/// its credentials (<see cref="KeystoneOptions"/>), and each call carries that token, signing in again
/// when Keystone answers 401 because it expired or was revoked.
/// </summary>
public sealed class KeystoneServiceSession(IHttpClientFactory httpClients, IOptions<KeystoneOptions> options, TimeProvider clock, ILogger<KeystoneServiceSession> logger)
{
    public const string HttpClientName = "keystone";

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private ServiceToken? _token;

    private sealed record ServiceToken(string Value, DateTimeOffset ExpiresAt);

    /// <summary>Keystone's v3 base URL.</summary>
    public string V3 => options.Value.V3;

    /// <summary>How long a validated user token is trusted before Keystone is asked again.</summary>
    public TimeSpan CacheTime => options.Value.CacheTime;

    /// <summary>Sends a request built around the service token; once more with a new token after a 401.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<string, HttpRequestMessage> build, CancellationToken ct)
    {
        var token = await TokenAsync(ct);
        var response = await SendWithOneRetryAsync(() => build(token.Value), ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        // Our own token expired or was revoked (a bad subject token is 404, not 401): sign in again once,
        // unless another request has already done so.
        response.Dispose();
        Interlocked.CompareExchange(ref _token, null, token);
        token = await TokenAsync(ct);
        return await SendWithOneRetryAsync(() => build(token.Value), ct);
    }

    /// <summary>
    /// Sends once more on a connection error: a pooled keep-alive connection that Keystone's server
    /// has just closed fails before the request reaches it (seen with uWSGI), and none of our calls
    /// changes anything on a second try.
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

    private async Task<ServiceToken> TokenAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _token) is { } current && current.ExpiresAt > clock.GetUtcNow().AddMinutes(1))
        {
            return current;
        }
        await _tokenLock.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _token) is { } again && again.ExpiresAt > clock.GetUtcNow().AddMinutes(1))
            {
                return again;
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
            var issuedToken = new ServiceToken(tokens.First(), expires);
            Volatile.Write(ref _token, issuedToken);
            return issuedToken;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}
