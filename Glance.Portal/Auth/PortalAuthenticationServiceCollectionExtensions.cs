using Glance.Portal.DevIdentity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Glance.Portal.Auth;

public static class PortalAuthenticationServiceCollectionExtensions
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>
    /// Portal sign-in as the .NET OIDC sample does it: a cookie session from the authorization code
    /// flow with PKCE. The provider comes from <c>Authentication:Schemes:OpenIdConnect</c> (Authority,
    /// ClientId, ClientSecret, …), or is the embedded development provider when that is on.
    /// </summary>
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClaimNamesOptions>().BindConfiguration(ClaimNamesOptions.SectionName);
        services.AddCascadingAuthenticationState();
        var devIdentity = configuration.IsDevIdentityActive();
        if (!HasIdentityProvider(configuration))
        {
            // No provider: the portal cannot sign anyone in (the API still works with its own schemes).
            services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, options => options.LoginPath = "/authentication/login");
            return services;
        }
        if (devIdentity)
        {
            services.AddSingleton<DevIdentityConfigurationManager>();
        }

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = ".Glance.Portal";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // What the portal's pages fetch gets a status and problem details, not the sign-in page.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(OidcScheme, options =>
            {
                configuration.GetSection("Authentication:Schemes:OpenIdConnect").Bind(options);
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.MapInboundClaims = false;
                options.SaveTokens = false;
                options.Scope.Add("profile");
                options.TokenValidationParameters.NameClaimType = GlanceClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = GlanceClaimTypes.Role;
                if (devIdentity)
                {
                    options.ClientId = DevIdentityClientSeeder.PortalClientId;
                    options.RequireHttpsMetadata = false;
                    options.CallbackPath = SameOriginRedirectUriHandlers.CallbackPath;
                    options.SignedOutCallbackPath = SameOriginRedirectUriHandlers.SignedOutCallbackPath;
                    // The embedded provider's end-session endpoint takes only POST, so the browser posts the
                    // sign-out request as the handler's FormPost mode would (which would post sign-in too).
                    options.Events.OnRedirectToIdentityProviderForSignOut = async context =>
                    {
                        context.ProtocolMessage.State = context.Options.StateDataFormat.Protect(context.Properties);
                        // The cookie scheme, signed out first, has already set a redirect to the return URL.
                        context.Response.StatusCode = StatusCodes.Status200OK;
                        context.Response.Headers.Location = default;
                        context.Response.ContentType = "text/html; charset=utf-8";
                        context.Response.Headers.CacheControl = "no-cache, no-store";
                        await context.Response.WriteAsync(context.ProtocolMessage.BuildFormPost());
                        context.HandleResponse();
                    };
                }
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Request.Path.StartsWithSegments(Portal.PortalErrors.PathPrefix))
                    {
                        // What the portal's pages fetch gets 401 with problem details, not a sign-in page.
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                    }
                    return Task.CompletedTask;
                };
                // Claims the provider sends from its userinfo endpoint (Keycloak's and oidc-provider's habit) count too.
                options.ClaimActions.MapAll();
                // At the end of sign-in, when the identity token's and userinfo's claims are both in.
                options.Events.OnTicketReceived = context =>
                {
                    var names = context.HttpContext.RequestServices.GetRequiredService<IOptions<ClaimNamesOptions>>().Value;
                    context.Principal = ActiveProject.Apply(context.Principal!, names, context.Request.Cookies[ActiveProject.CookieName]);
                    return Task.CompletedTask;
                };
            });

        if (devIdentity)
        {
            services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<DevIdentityConfigurationManager>((options, manager) =>
                options.ConfigurationManager = manager);
        }
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(Portal.PortalErrors.PathPrefix))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    public static bool HasIdentityProvider(IConfiguration configuration) =>
        configuration.IsDevIdentityActive() || !string.IsNullOrWhiteSpace(configuration["Authentication:Schemes:OpenIdConnect:Authority"]);
}
