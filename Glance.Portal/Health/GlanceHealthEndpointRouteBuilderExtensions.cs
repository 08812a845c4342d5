using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Glance.Portal.Health;

public static class GlanceHealthEndpointRouteBuilderExtensions
{
    public static IServiceCollection AddGlanceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<GlanceHealthCheck>("glance");
        return services;
    }

    /// <summary><c>GET /healthcheck</c>: 200 <c>OK</c> like oslo's healthcheck middleware, 503 with the reason otherwise.</summary>
    public static IEndpointRouteBuilder MapGlanceHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthcheck", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                var text = report.Status == HealthStatus.Healthy
                    ? "OK"
                    : string.Join("\n", report.Entries.Values.Select(e => e.Description));
                return context.Response.WriteAsync(text);
            },
        }).DisableHttpMetrics();
        return endpoints;
    }
}
