using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Health;

/// <summary>Healthy when the database answers a query and its disk takes a write, and every image store takes a write.</summary>
internal sealed class GlanceHealthCheck(IDbContextFactory<GlanceDbContext> dbFactory, IImageStores stores, IOptions<GlanceOptions> options) : IHealthCheck
{
    /// <summary>About what a few saves need in SQLite's write-ahead log.</summary>
    private const int ProbeBytes = 64 << 10;

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
        if (!CanWrite(options.Value.DataDirectoryFullPath))
        {
            // SQLite answers reads from a full disk, and fails only the next write.
            return HealthCheckResult.Unhealthy("database cannot write: its disk is full or read-only");
        }
        foreach (var store in stores.All)
        {
            if (!await store.IsHealthyAsync(ct))
            {
                return HealthCheckResult.Unhealthy($"image store {store.Id} unavailable");
            }
        }
        return HealthCheckResult.Healthy("OK");
    }

    private static bool CanWrite(string directory)
    {
        var probe = Path.Combine(directory, $".health.{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, new byte[ProbeBytes]);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
