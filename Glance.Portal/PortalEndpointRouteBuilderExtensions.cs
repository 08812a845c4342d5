using Glance.Portal.Components;
using Glance.Portal.Portal;

namespace Glance.Portal;

public static class PortalEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapGlancePortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets();
        endpoints.MapPortalImageData();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }
}
