using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Glance.Domain.Configuration;
using Glance.Domain.Members;
using Glance.Domain.PropertyProtections;

namespace Glance.Portal.DevIdentity;

public static class DevIdentityServiceCollectionExtensions
{
    /// <summary>True when the embedded provider runs: switched on, and no external authority configured.</summary>
    public static bool IsDevIdentityActive(this IConfiguration configuration) =>
        configuration.GetValue<bool>($"{DevIdentityOptions.SectionName}:{nameof(DevIdentityOptions.Enabled)}")
        && string.IsNullOrWhiteSpace(configuration["Authentication:Schemes:OpenIdConnect:Authority"]);

    /// <summary>
    /// The development OpenID Connect provider, on OpenIddict: authorization code with PKCE for the
    /// portal, the password grant for scripts, JWT access tokens for the API (audience <c>glance</c>).
    /// </summary>
    public static IServiceCollection AddGlanceDevIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DevIdentityOptions>().BindConfiguration(DevIdentityOptions.SectionName);
        if (!configuration.IsDevIdentityActive())
        {
            return services;
        }

        services.AddSingleton<IRoleDirectory, DemoAccountRoleDirectory>();
        if (!Auth.KeystoneOptions.IsConfigured(configuration))
        {
            services.AddSingleton<IProjectDirectory, DemoProjectDirectory>();
        }
        services.AddSingleton<LoginRateLimiter>();
        services.AddDbContext<DevIdentityDbContext>((provider, options) =>
        {
            var dataDirectory = provider.GetRequiredService<IOptions<GlanceOptions>>().Value.DataDirectoryFullPath;
            Directory.CreateDirectory(dataDirectory);
            options.UseSqlite($"Data Source={Path.Combine(dataDirectory, "dev-identity.db")}");
            options.UseOpenIddict();
        });

        var lifetime = configuration.GetValue<TimeSpan?>($"{DevIdentityOptions.SectionName}:{nameof(DevIdentityOptions.AccessTokenLifetime)}") ?? TimeSpan.FromHours(1);
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<DevIdentityDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowPasswordFlow()
                    .AllowRefreshTokenFlow();
                options.RegisterScopes("openid", "profile", "roles", "offline_access");
                options.SetAccessTokenLifetime(lifetime);
                // The signing key is kept in the data folder, so that access tokens outlive a restart; the
                // encryption key (codes, refresh tokens) lives in memory. The issuer is a fixed name, not
                // the request's host, so a token got at localhost is good at 127.0.0.1 too.
                options.AddEphemeralEncryptionKey();
                options.SetIssuer(configuration.GetValue<Uri?>($"{DevIdentityOptions.SectionName}:{nameof(DevIdentityOptions.Issuer)}") ?? DevIdentityOptions.DefaultIssuer);
                // Plain JWT access tokens, so any JWT-validating service can read them through the JWKS.
                options.DisableAccessTokenEncryption();
                options.UseSameOriginRedirectUris();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.AddAudiences(DevIdentityClientSeeder.ApiAudience);
                options.UseAspNetCore();
            });

        services.AddOptions<OpenIddict.Server.OpenIddictServerOptions>().Configure<IOptions<GlanceOptions>>((options, glance) =>
            options.SigningCredentials.Add(DevIdentitySigningKey.LoadOrCreate(glance.Value.DataDirectoryFullPath)));

        services.AddAuthentication().AddCookie(DevIdentityEndpoints.CookieScheme, options =>
        {
            options.Cookie.Name = ".Glance.DevIdentity";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = DevIdentityEndpoints.LoginPath;
        });
        services.AddHostedService<DevIdentityClientSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapGlanceDevIdentity(this IEndpointRouteBuilder endpoints)
    {
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!configuration.IsDevIdentityActive())
        {
            return endpoints;
        }
        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Glance.Portal.DevIdentity").LogWarning(
                "THE DEVELOPMENT IDENTITY PROVIDER IS ON in the {Environment} environment (Glance:DevIdentity:Enabled=true). " +
                "Its demo accounts have their names as passwords and its signing keys last only as long as this process: " +
                "anyone can sign in as admin. Do not use it in production; set Authentication:Schemes:OpenIdConnect:Authority instead.",
                environment.EnvironmentName);
        }
        return endpoints.MapDevIdentity();
    }
}
