using Glance.Domain.Common;
using Glance.Portal.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Glance.Portal.Components.Shared;

/// <summary>The signed-in user of this circuit as the domain's caller, built from the same claims the API uses.</summary>
public sealed class PortalCaller(AuthenticationStateProvider authentication)
{
    public async Task<CallerContext> GetAsync() =>
        CallerContextFactory.From((await authentication.GetAuthenticationStateAsync()).User);
}
