using System.Data.Common;
using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Glance.Domain.Persistence;

/// <summary>
/// Brings the database to the current schema before the first request, mends what a crash can
/// leave (uploads that never finished go back to queued and their partial files are removed), and
/// lets the engine prepare (its settings, the query planner's statistics).
/// </summary>
internal sealed class GlanceDatabaseInitializer(
    IDbContextFactory<GlanceDbContext> dbFactory,
    IDatabaseEngine engine,
    IImageStores stores,
    TimeProvider clock,
    ILogger<GlanceDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await engine.MigrateAsync(db, ct);
        }
        catch (Exception ex) when (ex is DbException or StoreUnavailableException)
        {
            // Start-up stops here (the host exits non-zero) with a line an operator can act on.
            throw new InvalidOperationException($"The image database cannot be reached or brought to the current schema: {ex.Message} Check the database settings (Glance:Database:Provider, ConnectionStrings:Glance) and that the database server runs.", ex);
        }
        await engine.PrepareAsync(db, ct);
        await WarnOfUnconfiguredStoresAsync(db, ct);

        var interrupted = await db.Images.Where(i => i.Status == ImageStatus.Saving).ToListAsync(ct);
        foreach (var image in interrupted)
        {
            image.ReturnToQueued();
            image.Touch(clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        if (interrupted.Count > 0)
        {
            logger.LogWarning("Returned {Count} images whose upload was interrupted to queued", interrupted.Count);
        }
        foreach (var store in stores.All.Where(s => s.Capabilities.HasFlag(StoreCapabilities.Write)))
        {
            await store.RemoveLeftoversAsync(ct);
        }
    }

    /// <summary>
    /// Data recorded in a store the settings no longer name (renamed, or removed) cannot be read: say so
    /// once at start, naming the store, rather than only as 503s on downloads.
    /// </summary>
    private async Task WarnOfUnconfiguredStoresAsync(GlanceDbContext db, CancellationToken ct)
    {
        var configured = stores.All.Select(s => s.Id).ToList();
        var missing = await db.ImageLocations.Where(l => !configured.Contains(l.StoreId))
            .GroupBy(l => l.StoreId).Select(g => new { StoreId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var store in missing)
        {
            logger.LogWarning(
                "Store '{StoreId}' is not configured here, but {Count} image locations are recorded in it: their data cannot be read until Glance:Stores:Backends:{StoreId} names it again",
                store.StoreId, store.Count, store.StoreId);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
