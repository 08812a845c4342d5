using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Glance.Portal.DevIdentity;

/// <summary>
/// Creates the provider's store and its clients: <c>glance-cli</c>, a public client for scripts (the
/// password grant), and <c>glance-portal</c>, the portal itself (authorization code with PKCE).
/// </summary>
internal sealed class DevIdentityClientSeeder(IServiceProvider services) : IHostedService
{
    public const string CliClientId = "glance-cli";
    public const string PortalClientId = "glance-portal";
    public const string ApiAudience = "glance";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DevIdentityDbContext>();
        await db.Database.EnsureCreatedAsync(ct);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await EnsureAsync(applications, new OpenIddictApplicationDescriptor
        {
            ClientId = CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Glance command-line clients",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
        }, ct);
        await EnsureAsync(applications, new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Glance Portal",
            // Redirect URIs are checked against the request's own origin (SameOriginRedirectUriHandlers).
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        }, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task EnsureAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }
}
