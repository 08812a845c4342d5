using System.Security.Claims;
using Glance.Portal.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Glance.Portal.DevIdentity;

/// <summary>The identity the embedded provider puts into its tokens for a demo account and an active project.</summary>
internal static class DevIdentityClaims
{
    public static ClaimsPrincipal For(DemoAccount account, string project, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.UserName)
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.PreferredUsername, account.UserName)
            .SetClaim(GlanceClaimTypes.ProjectId, project)
            .SetClaims(Claims.Role, [.. account.RolesIn(project)])
            .SetClaims(GlanceClaimTypes.Projects, [.. account.Projects.Select(p => p.Project)])
            .SetClaims(GlanceClaimTypes.ProjectRoles, [.. account.Projects.Select(p => $"{p.Project}={string.Join(',', p.Roles)}")]);
        // The portal reads the same claims from the identity token as the API reads from the access token.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The project asked for (the <c>project</c> parameter), else the account's first; null when the account is not in it.</summary>
    public static string? ChooseProject(DemoAccount account, string? asked) =>
        asked is null or "" ? account.Projects[0].Project
        : account.Projects.Any(p => p.Project == asked) ? asked
        : null;
}
