using Glance.Domain.Members;
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
    /// <c>X-Auth-Token</c>): a JWT from the embedded development provider or the configured authority,
    /// or a Keystone token when <c>Glance:Api:Keystone:Url</c> is set; or, only when switched on,
    /// keystonemiddleware's trusted headers. Everything else is 401.
    /// </summary>
    public static IServiceCollection AddGlanceApiAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var authority = configuration["Authentication:Schemes:OpenIdConnect:Authority"];
        var tokenScheme = configuration.IsDevIdentityActive() ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : !string.IsNullOrWhiteSpace(authority) ? JwtBearerDefaults.AuthenticationScheme
            : null;

        services.AddOptions<KeystoneOptions>().BindConfiguration(KeystoneOptions.SectionName);
        var keystone = KeystoneOptions.IsConfigured(configuration);

        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TrustedHeadersAuthenticationHandler>(TrustedHeadersAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiScheme, "Glance API", options =>
            {
                options.ForwardDefaultSelector = context =>
                {
                    var header = context.Request.Headers.Authorization.ToString();
                    if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    {
                        return TrustedHeadersAuthenticationHandler.SchemeName;
                    }
                    // A JWT has three dot-separated parts; Keystone's Fernet tokens have none.
                    var isJwt = header.Count(c => c == '.') == 2;
                    return (isJwt, tokenScheme, keystone) switch
                    {
                        (true, not null, _) => tokenScheme,
                        (_, _, true) => KeystoneAuthenticationHandler.SchemeName,
                        (_, not null, _) => tokenScheme,
                        _ => TrustedHeadersAuthenticationHandler.SchemeName,
                    };
                };
                // One answer for every refusal: Glance's 401 body with WWW-Authenticate.
                options.ForwardChallenge = TrustedHeadersAuthenticationHandler.SchemeName;
                options.ForwardForbid = TrustedHeadersAuthenticationHandler.SchemeName;
            });

        if (keystone)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, KeystoneAuthenticationHandler>(KeystoneAuthenticationHandler.SchemeName, null);
            services.AddMemoryCache();
            services.AddHttpClient(KeystoneServiceSession.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<KeystoneServiceSession>();
            services.AddSingleton<KeystoneTokenValidator>();
            // Sharing picks Keystone's projects by name (the development provider's demo projects stand aside).
            services.AddSingleton<IProjectDirectory, KeystoneProjectDirectory>();
        }
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
                // The provider's claim names (Glance:Claims) become Glance's, as for portal sign-in.
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        var names = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClaimNamesOptions>>().Value;
                        context.Principal = ActiveProject.Apply(context.Principal!, names, wantedProject: null);
                        return Task.CompletedTask;
                    },
                };
            });
        }
        return services;
    }
}
