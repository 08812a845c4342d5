using Glance.Portal.Components.Shared;
using Glance.Portal.DemoData;
using MudBlazor.Services;

namespace Glance.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The Blazor Server portal with MudBlazor.</summary>
    public static IServiceCollection AddGlancePortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<PortalCaller>();
        if (configuration.GetValue<bool>("Glance:DemoData:Enabled"))
        {
            services.AddHostedService<DemoCatalogSeeder>();
        }
        return services;
    }
}
