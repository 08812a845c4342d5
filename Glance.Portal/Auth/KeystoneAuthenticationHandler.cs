using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Auth;

/// <summary>The API's caller from a Keystone token (sent as <c>X-Auth-Token</c> or a bearer token).</summary>
internal sealed class KeystoneAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KeystoneTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Keystone";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        KeystoneIdentity? identity;
        try
        {
            identity = await validator.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            Logger.LogError(ex, "Keystone could not be asked to validate a token");
            return AuthenticateResult.Fail("Keystone is unavailable.");
        }
        if (identity is null)
        {
            Logger.LogInformation("Keystone did not confirm the token");
            return AuthenticateResult.Fail("The token is not valid.");
        }
        var claims = new List<Claim> { new(GlanceClaimTypes.UserId, identity.UserId) };
        if (identity.UserName is not null)
        {
            claims.Add(new Claim(GlanceClaimTypes.Name, identity.UserName));
        }
        if (identity.ProjectId is not null)
        {
            claims.Add(new Claim(GlanceClaimTypes.ProjectId, identity.ProjectId));
        }
        claims.AddRange(identity.Roles.Select(r => new Claim(GlanceClaimTypes.Role, r.ToLowerInvariant())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, GlanceClaimTypes.Name, GlanceClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
