using Glance.Domain.ImageData;
using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Glance.Portal.Health;

/// <summary>Healthy when the database answers a query and the image store takes a write.</summary>
internal sealed class GlanceHealthCheck(IDbContextFactory<GlanceDbContext> dbFactory, IImageStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Images.AnyAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unavailable", ex);
        }
        return await store.IsHealthyAsync(ct)
            ? HealthCheckResult.Healthy("OK")
            : HealthCheckResult.Unhealthy("image store unavailable");
    }
}
