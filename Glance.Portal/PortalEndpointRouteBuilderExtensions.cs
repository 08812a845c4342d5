using Glance.Portal.Components;

namespace Glance.Portal;

public static class PortalEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapGlancePortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }
}
