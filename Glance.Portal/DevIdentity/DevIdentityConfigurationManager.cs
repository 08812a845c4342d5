using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;

namespace Glance.Portal.DevIdentity;

/// <summary>
/// The portal's view of the embedded provider's discovery document, built in process: the endpoints
/// are on the origin of the current request (so they work whatever address the portal is reached at)
/// and the signing keys are the provider's own, with no HTTP round trip for discovery or JWKS.
/// </summary>
internal sealed class DevIdentityConfigurationManager(IHttpContextAccessor accessor, IOptionsMonitor<OpenIddictServerOptions> server)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("The development provider is only reachable during a request.");
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = server.CurrentValue.Issuer?.AbsoluteUri ?? origin + "/",
            AuthorizationEndpoint = origin + "/connect/authorize",
            TokenEndpoint = origin + "/connect/token",
            EndSessionEndpoint = origin + "/connect/logout",
            UserInfoEndpoint = origin + "/connect/userinfo",
        };
        foreach (var credentials in server.CurrentValue.SigningCredentials)
        {
            configuration.SigningKeys.Add(credentials.Key);
        }
        return Task.FromResult(configuration);
    }

    public void RequestRefresh()
    {
    }
}
