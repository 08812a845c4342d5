using MudBlazor.Services;

namespace Glance.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The Blazor Server portal with MudBlazor.</summary>
    public static IServiceCollection AddGlancePortal(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
