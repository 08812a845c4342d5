using System.Security.Claims;
using Glance.Domain.Common;

namespace Glance.Portal.Auth;

/// <summary>Turns the signed-in principal, whatever scheme produced it, into the domain's caller.</summary>
public static class CallerContextFactory
{
    public static CallerContext From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(GlanceClaimTypes.UserId),
        principal.FindFirstValue(GlanceClaimTypes.ProjectId),
        principal.FindAll(GlanceClaimTypes.Role).Select(c => c.Value));
}
