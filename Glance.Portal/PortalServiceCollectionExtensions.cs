using Glance.Portal.Components.Shared;
using Glance.Portal.DemoData;
using Glance.Portal.Hosting;
using Glance.Portal.Portal;
using MudBlazor.Services;

namespace Glance.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The Blazor Server portal with MudBlazor.</summary>
    public static IServiceCollection AddGlancePortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Every portal cookie is Secure when the request came over HTTPS (antiforgery's default never is).
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddMudServices();
        services.AddPortalKeyRing();
        services.AddPortalErrors();
        services.AddSingleton<Glance.Portal.Portal.Uploads.UploadSessions>();
        services.AddPortalComponentServices();
        if (configuration.GetValue<bool>("Glance:DemoData:Enabled"))
        {
            services.AddHostedService<DemoCatalogSeeder>();
        }
        return services;
    }

    /// <summary>What the portal's components ask for besides the domain: the caller of the circuit and shared UI actions.</summary>
    public static IServiceCollection AddPortalComponentServices(this IServiceCollection services)
    {
        services.AddScoped<PortalCaller>();
        services.AddScoped<Glance.Portal.Components.Sharing.OfferActions>();
        services.AddScoped<Glance.Portal.Components.Images.UploadTray>();
        return services;
    }
}
