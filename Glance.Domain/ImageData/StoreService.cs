using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glance.Domain.ImageData;

/// <summary>A store as <c>/v2/info/stores</c> describes it; <see cref="Type"/> and <see cref="Properties"/> for admins only.</summary>
public sealed record StoreSummary(string Id, string? Description, bool IsDefault, bool ReadOnly, string Type, IReadOnlyDictionary<string, object?> Properties);

/// <summary>
/// Glance's multi-store API beyond upload and download (reference §9, §10.1): which stores there are,
/// and removing the copy of an image's data from one of them (<c>DELETE /v2/stores/{store}/{image}</c>).
/// </summary>
public sealed class StoreService(
    IDbContextFactory<GlanceDbContext> dbFactory,
    IImageStores stores,
    ImagePolicy policy,
    TimeProvider clock,
    ILogger<StoreService> logger)
{
    /// <summary>
    /// Whether an image's answer names the stores holding its data: only in multi-store mode, and only to
    /// callers <c>get_image_location</c> allows (Glance reads the stores from the image's locations,
    /// which that rule guards; a refusal leaves the key out rather than failing the answer).
    /// </summary>
    public bool ShowsStores(CallerContext caller, Image image) => stores.MultiStore && policy.CanSeeLocations(caller, image);

    /// <summary>The stores, in the configuration's order, without Glance's reserved ones.</summary>
    public IReadOnlyList<StoreSummary> List(CallerContext caller, bool detail)
    {
        if (!stores.MultiStore)
        {
            throw new NotFoundException("Multi backend is not supported at this site.");
        }
        if (detail)
        {
            policy.EnsureCanSeeStoreDetails(caller);
        }
        return stores.All
            .Where(s => !s.Id.StartsWith(StoresOptions.ReservedPrefix, StringComparison.Ordinal))
            .Select(s => new StoreSummary(s.Id, stores.DescriptionOf(s.Id), s == stores.Default, !s.Capabilities.HasFlag(StoreCapabilities.Write), s.Type, s.Properties))
            .ToList();
    }

    /// <summary>
    /// Removes the image's data from one store, keeping its other copies: Glance's checks in Glance's
    /// order (glance/api/v2/images.py <c>delete_from_store</c>). The data goes after the change is saved.
    /// </summary>
    public async Task RemoveCopyAsync(CallerContext caller, string storeId, string imageId, CancellationToken ct = default)
    {
        if (!stores.MultiStore)
        {
            // Glance answers a bare 404 here.
            throw new NotFoundException("The resource could not be found.");
        }
        var store = stores.Find(storeId) ?? throw new ConflictException($"The selected store {storeId} is not available on this node.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Image image;
        try
        {
            image = await ImageService.LoadAsync(db, caller, imageId, tracked: true, ct);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException($"Failed to find image {imageId}");
        }
        policy.EnsureCanRemoveStoreCopy(caller, image);
        if (image.Status != ImageStatus.Active)
        {
            throw new ConflictException("It's not allowed to remove image data from store if image status is not 'active'");
        }
        var before = string.Join(",", image.Stores);
        var loadedAt = image.UpdatedAt;
        var location = image.RemoveCopy(storeId)
            ?? throw new NotFoundException($"Image {imageId} is not stored in store {storeId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        AuditTrail.Record(db, caller, image, AuditAction.AttributeChanged, null, before, string.Join(",", image.Stores), now, "stores");
        image.Touch(now);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Claim the image as it was read: two requests removing its last two copies at once would
            // each see another copy left. Every change of an image moves its updated_at, so the second
            // claim finds none and is told to try again (then: the only copy left, 403).
            var claimed = await db.Images.Where(i => i.Id == imageId && i.UpdatedAt == loadedAt)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.UpdatedAt, now), ct);
            if (claimed == 0)
            {
                throw new ConflictException($"Image {imageId} was changed by another request at the same time; try again.");
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException($"Image {imageId} was changed by another request at the same time; try again.");
            }
            await transaction.CommitAsync(ct);
        }
        try
        {
            await ImageStores.DeleteDataAsync(store, location, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreUnavailableException)
        {
            // The copy is gone from the image; leftover bytes are an operator's cleanup, as in Glance.
            logger.LogWarning(ex, "Could not delete the data of image {ImageId} in store {StoreId} at {Location}", imageId, storeId, location.Url);
        }
    }
}
