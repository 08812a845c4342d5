using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Tests.Domain.ImageData;

/// <summary>An image's data is recorded as typed locations: the store that keeps it, its URL, its status.</summary>
public sealed class ImageLocationsTests : PortalComponentContext
{
    private readonly CallerContext _alice = new("alice", "demo-a", ["member", "reader"]);

    private async Task<Image> UploadedAsync(byte[] data)
    {
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web", DiskFormat = "raw", ContainerFormat = "bare" });
        return await Service<ImageDataService>().UploadAsync(_alice, image.Id, new MemoryStream(data), data.Length);
    }

    [Fact]
    public async Task An_upload_is_one_active_location_in_the_default_store_and_a_delete_removes_its_data()
    {
        var image = await UploadedAsync([1, 2, 3, 4]);

        var stored = await Service<ImageService>().GetAsync(_alice, image.Id);
        var location = Assert.Single(stored.Locations);
        Assert.Equal((Store.Id, Store.UrlOf(image.Id), LocationStatus.Active), (location.StoreId, location.Url, location.Status));
        Assert.Equal([Store.Id], stored.Stores);
        var store = Service<IImageStores>().Find(Store.Id)!;
        await using (var data = await store.OpenReadAsync(location.Url, 1, 2, CancellationToken.None))
        {
            var read = new byte[4];
            Assert.Equal(2, await data.ReadAtLeastAsync(read, 2));
            Assert.Equal([2, 3], read[..2]);
        }

        await Service<ImageService>().DeleteAsync(_alice, image.Id);

        await using var db = await Service<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.ImageLocations.Where(l => l.ImageId == image.Id).ToListAsync());
        await Assert.ThrowsAnyAsync<IOException>(() => store.OpenReadAsync(location.Url, 0, null, CancellationToken.None));
    }

    [Fact]
    public async Task Data_in_a_store_that_is_no_longer_configured_cannot_be_read_and_says_so()
    {
        var image = await UploadedAsync([1, 2, 3]);
        await using (var db = await Service<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync())
        {
            await db.ImageLocations.Where(l => l.ImageId == image.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.StoreId, "retired"));
        }

        var refusal = await Assert.ThrowsAsync<StoreUnavailableException>(() => Service<ImageDataService>().DownloadAsync(_alice, image.Id, null));

        Assert.Contains("store 'retired', which is not configured here", refusal.Message);
    }

    [Fact]
    public async Task An_upload_whose_commit_was_answered_with_an_error_keeps_the_data_the_image_points_at()
    {
        // The database commits the finished upload, then the answer is lost (the connection drops on its
        // way back): the upload fails for the client, yet the image is active, so its data must stay.
        var options = Database.Options().AddInterceptors(new LostAnswerAfterActivation()).Options;
        var data = new ImageDataService(new PooledDbContextFactory<GlanceDbContext>(options), Service<Glance.Domain.Policies.ImagePolicy>(),
            Service<Glance.Domain.Policies.QuotaGuard>(), Service<IImageStores>(), TimeProvider.System, Service<IOptions<Glance.Domain.Configuration.LimitsOptions>>(),
            NullLogger<ImageDataService>.Instance);
        var image = await Service<ImageService>().CreateAsync(_alice, new NewImage { Name = "web", DiskFormat = "raw", ContainerFormat = "bare" });

        await Assert.ThrowsAsync<TimeoutException>(() => data.UploadAsync(_alice, image.Id, new MemoryStream([7, 8, 9]), 3));

        var stored = await Service<ImageService>().GetAsync(_alice, image.Id);
        Assert.Equal(ImageStatus.Active, stored.Status);
        var download = await Service<ImageDataService>().DownloadAsync(_alice, image.Id, null);
        await using var content = download.Content!;
        var read = new byte[3];
        await content.ReadExactlyAsync(read);
        Assert.Equal([7, 8, 9], read);
    }

    private sealed class LostAnswerAfterActivation : SaveChangesInterceptor
    {
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<Image>().Any(e => e.Entity.Status == ImageStatus.Active)
                ? throw new TimeoutException("The answer to the commit was lost.")
                : ValueTask.FromResult(result);
    }
}
