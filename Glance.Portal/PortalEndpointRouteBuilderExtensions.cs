using Glance.Portal.Components;
using Glance.Portal.Portal;
using Glance.Portal.Portal.Uploads;

namespace Glance.Portal;

public static class PortalEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapGlancePortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets();
        endpoints.MapPortalImageData();
        endpoints.MapPortalUploads();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }
}
