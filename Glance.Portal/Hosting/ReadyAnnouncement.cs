using Glance.Portal.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Hosting;

/// <summary>
/// Says once the portal answers, and where: on a first start the build, the migrations and the demo
/// catalog take a while, and Kestrel's own "Now listening" line comes before the service is ready.
/// </summary>
internal static class ReadyAnnouncement
{
    public static WebApplication AnnounceWhenReady(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var pathBase = app.Services.GetRequiredService<IOptions<GlanceApiOptions>>().Value.PathBase;
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Glance.Portal");
            foreach (var address in addresses)
            {
                var url = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost");
                logger.LogInformation("Glance Portal is ready: the portal at {Portal}/, the image API at {Api}", url, url + pathBase);
            }
        });
        return app;
    }
}
