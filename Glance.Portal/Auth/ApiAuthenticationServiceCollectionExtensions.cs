using Glance.Portal.DevIdentity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using OpenIddict.Validation.AspNetCore;

namespace Glance.Portal.Auth;

public static class ApiAuthenticationServiceCollectionExtensions
{
    /// <summary>The scheme the API's endpoints require; it forwards each request to the scheme that fits its credentials.</summary>
    public const string ApiScheme = "GlanceApi";

    /// <summary>
    /// The API's callers: a bearer token (in <c>Authorization</c> or, as the OpenStack clients send it,
    /// <c>X-Auth-Token</c>) from the embedded development provider or the configured authority, or,
    /// only when switched on, keystonemiddleware's trusted headers. Everything else is 401.
    /// </summary>
    public static IServiceCollection AddGlanceApiAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var authority = configuration["Authentication:Schemes:OpenIdConnect:Authority"];
        var tokenScheme = configuration.IsDevIdentityActive() ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : !string.IsNullOrWhiteSpace(authority) ? JwtBearerDefaults.AuthenticationScheme
            : null;

        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TrustedHeadersAuthenticationHandler>(TrustedHeadersAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiScheme, "Glance API", options =>
            {
                options.ForwardDefaultSelector = context =>
                    tokenScheme is not null && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? tokenScheme
                        : TrustedHeadersAuthenticationHandler.SchemeName;
                // One answer for every refusal: Glance's 401 body with WWW-Authenticate.
                options.ForwardChallenge = TrustedHeadersAuthenticationHandler.SchemeName;
                options.ForwardForbid = TrustedHeadersAuthenticationHandler.SchemeName;
            });

        if (tokenScheme == JwtBearerDefaults.AuthenticationScheme)
        {
            authentication.AddJwtBearer(options =>
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = configuration.GetValue("Authentication:Schemes:OpenIdConnect:RequireHttpsMetadata", true);
                options.Audience = configuration["Glance:Api:Audience"] ?? "glance";
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = GlanceClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = GlanceClaimTypes.Role;
            });
        }
        return services;
    }
}
