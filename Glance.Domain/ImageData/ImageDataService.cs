using System.Data.Common;
using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Configuration;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Glance.Domain.ImageData;

/// <summary>Image data in and out: uploads stream to the store with hashing, downloads stream back, ranges included.</summary>
public sealed class ImageDataService(
    IDbContextFactory<GlanceDbContext> dbFactory,
    ImagePolicy policy,
    QuotaGuard quotas,
    IImageStores stores,
    TimeProvider clock,
    IOptions<LimitsOptions> limits,
    ILogger<ImageDataService> logger)
{
    /// <summary>
    /// queued → saving → active. Any failure on the way (the client goes away, the data is shorter
    /// than announced, the size cap or the disk is exceeded) puts the image back to queued and removes
    /// every byte written; the original exception is rethrown for the caller to report. A client that
    /// sends nothing for <c>Glance:Limits:UploadIdleTimeout</c> is such a failure too.
    /// </summary>
    /// <param name="announcedSize">Content-Length, when the client sent one.</param>
    /// <param name="storeId">Glance's <c>X-Image-Meta-Store</c>: the store to write to, with the multi-store API on; null for the default.</param>
    public async Task<Image> UploadAsync(CallerContext caller, string id, Stream data, long? announcedSize, CancellationToken ct = default, string? storeId = null)
    {
        var store = await BeginAsync(caller, id, announcedSize, storeId, ct);
        StoredData? stored = null;
        try
        {
            ImageHasher.Result result;
            await using (var writer = await store.BeginWriteAsync(id, announcedSize, ct))
            {
                try
                {
                    var source = new IdleTimeoutStream(data, limits.Value.UploadIdleTimeout);
                    result = await ImageHasher.CopyAsync(source, writer, quotas.EnsureImageSize, ct);
                    if (announcedSize is { } expected && expected != result.Size)
                    {
                        throw new ValidationException($"The image data is {result.Size} bytes, but {expected} bytes were announced.");
                    }
                    stored = await writer.CommitAsync(ct);
                }
                catch when (stored is null)
                {
                    // Nothing half-written stays in the store (an object store's multipart upload is aborted).
                    await writer.AbortAsync(CancellationToken.None);
                    throw;
                }
            }
            return await FinishAsync(caller, id, result, store.Id, stored);
        }
        catch
        {
            if (stored is not null)
            {
                await DeleteUnlessRecordedAsync(id, store, stored.Url);
            }
            await ReturnToQueuedAsync(id);
            throw;
        }
    }

    public async Task<ImageDownload> DownloadAsync(CallerContext caller, string id, ByteRange? range, CancellationToken ct = default)
    {
        Image image;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            image = await ImageService.LoadAsync(db, caller, id, tracked: false, ct);
        }
        policy.EnsureCanDownload(caller, image);
        if (!image.Locations.Any(l => l.Status == LocationStatus.Active) || image.Size is not { } size)
        {
            return new ImageDownload(0, null, 0, 0, null, false);
        }

        var (offset, length) = (0L, size);
        if (range is not null)
        {
            (offset, length) = range.Resolve(size)
                ?? throw new RangeNotSatisfiableException($"Requested range not satisfiable: the image has {size} bytes.", size);
        }
        // Every copy holds the same bytes: a store that cannot answer now hands over to the next, as
        // Glance's download tries each location in turn.
        Exception? failure = null;
        foreach (var copy in image.Locations.Where(l => l.Status == LocationStatus.Active).OrderBy(l => l.Id))
        {
            try
            {
                var stream = await ImageStores.StoreOf(stores, copy).OpenReadAsync(copy.Url, offset, length, ct);
                return new ImageDownload(size, image.Checksum, offset, length, stream, range is not null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreUnavailableException)
            {
                logger.LogWarning(ex, "Image {ImageId}: the copy in store {StoreId} cannot be read now", id, copy.StoreId);
                failure = ex;
            }
        }
        throw failure as StoreUnavailableException ?? new StoreUnavailableException($"The data of image {id} cannot be read from the store now.", failure);
    }

    /// <summary>
    /// The store an upload goes to. Without the multi-store API a named store is ignored, as Glance does;
    /// with it an unknown one is 400 and one that only reads (http) is Glance's 410.
    /// </summary>
    private IImageStore StoreFor(string? storeId)
    {
        if (storeId is null || !stores.MultiStore)
        {
            return stores.Default;
        }
        var store = stores.Find(storeId) ?? throw new ValidationException($"Store for identifier {storeId} not found");
        return store.Capabilities.HasFlag(StoreCapabilities.Write)
            ? store
            : throw new GoneException("Error in store configuration. Adding images to store is disabled.");
    }

    /// <summary>Checks the upload as Glance does (policy, size, store, status) and moves the image to saving; returns the store to write to.</summary>
    private async Task<IImageStore> BeginAsync(CallerContext caller, string id, long? announcedSize, string? storeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await ImageService.LoadAsync(db, caller, id, tracked: true, ct);
        policy.EnsureCanModify(caller, image, "upload_image");
        if (announcedSize is { } size)
        {
            quotas.EnsureImageSize(size);
        }
        var store = StoreFor(storeId);
        try
        {
            image.BeginUpload();
        }
        catch (InvalidTransitionException)
        {
            throw new ConflictException($"Image status transition from '{image.Status.ToWire()}' to 'saving' is not allowed: the image is not queued for data.");
        }
        image.Touch(Now());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another upload (or a delete) moved the image first.
            throw new ConflictException($"Image {id} is already receiving data or was changed meanwhile.");
        }
        return store;
    }

    private async Task<Image> FinishAsync(CallerContext caller, string id, ImageHasher.Result result, string storeId, StoredData stored)
    {
        // The client has sent everything; finishing must not be cut short by it going away now.
        await using var db = await dbFactory.CreateDbContextAsync();
        var image = await db.Images.Include(i => i.Properties).Include(i => i.Tags).Include(i => i.Locations).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id && !i.Deleted);
        if (image is null || image.Status != ImageStatus.Saving)
        {
            throw new GoneException($"Image {id} could not be found after upload. The image may have been deleted during the upload.");
        }
        image.MarkActive(result.Size, result.Checksum, ImageHasher.HashAlgorithm, result.HashValue, storeId, stored, Now());
        image.Touch(Now());
        AuditTrail.Record(db, caller, image, AuditAction.DataUploaded, null, null, result.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), Now());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new GoneException($"Image {id} could not be found after upload. The image may have been deleted during the upload.");
        }
        return image;
    }

    /// <summary>
    /// Removes the data of an upload that failed after the store kept it. A failure while committing
    /// can hide a commit that happened (the connection dropped with the answer on its way), so the data
    /// goes only when the image provably does not point at it: a stray file is better than an active
    /// image without data.
    /// </summary>
    private async Task DeleteUnlessRecordedAsync(string id, IImageStore store, string location)
    {
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                if (await db.ImageLocations.AnyAsync(l => l.ImageId == id && l.StoreId == store.Id && l.Url == location))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or StoreUnavailableException or TimeoutException)
        {
            logger.LogError(ex, "Image {ImageId}: kept the data at {Location}; the database cannot say whether the upload was recorded", id, location);
            return;
        }
        try
        {
            await store.DeleteAsync(location, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreUnavailableException)
        {
            logger.LogError(ex, "Could not remove the data of failed upload {ImageId} at {Location}", id, location);
        }
    }

    private async Task ReturnToQueuedAsync(string id)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var image = await db.Images.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted);
            if (image is { Status: ImageStatus.Saving })
            {
                image.ReturnToQueued();
                image.Touch(Now());
                await db.SaveChangesAsync();
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or StoreUnavailableException)
        {
            // The client still hears why the upload failed; the start-up sweep returns an image left saving.
            logger.LogError(ex, "Could not return image {ImageId} to queued after a failed upload", id);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
