using System.Net;
using System.Net.Http.Headers;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>Uploads that fail leave the image queued and no bytes on disk, over a real socket.</summary>
public sealed class ImageUploadFailureTests : IAsyncLifetime
{
    private const int SizeCap = 1 << 20;

    private readonly KestrelPortalFactory _factory = (KestrelPortalFactory)new KestrelPortalFactory()
        .With("Glance:Limits:ImageSizeCap", SizeCap.ToString());

    private HttpClient _owner = null!;

    public ValueTask InitializeAsync()
    {
        _owner = _factory.RealClientFor("project-a");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<string> QueuedImageAsync() =>
        (await _owner.CreateImageAsync(new { disk_format = "raw", container_format = "bare" })).Id();

    private async Task<string> StatusAsync(string id) => (string)(await _owner.GetImageAsync(id))["status"]!;

    /// <summary>No data and no part of it in the store: the project's images are all queued here.</summary>
    private async Task AssertNoDataStoredAsync() => Assert.Empty(await _factory.Store.ObjectsAsync());

    private async Task WaitForStatusAsync(string id, string status)
    {
        for (var i = 0; i < 200 && await StatusAsync(id) != status; i++)
        {
            await Task.Delay(25);
        }
        Assert.Equal(status, await StatusAsync(id));
    }

    [Fact]
    public async Task A_client_that_hangs_up_midway_leaves_the_image_queued_and_no_file()
    {
        var id = await QueuedImageAsync();
        using (var upload = await _factory.BeginRawUploadAsync(id, "project-a", announced: 500_000))
        {
            await upload.SendAsync(new byte[200_000]);
            await WaitForStatusAsync(id, "saving");
        }

        await WaitForStatusAsync(id, "queued");
        var image = await _owner.GetImageAsync(id);
        Assert.Null(image["size"]);
        Assert.Null(image["checksum"]);
        await AssertNoDataStoredAsync();
        // And the image takes a proper upload afterwards.
        await (await _owner.UploadAsync(id, [1, 2, 3])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("active", await StatusAsync(id));
    }

    [Fact]
    public async Task A_second_upload_while_one_is_running_is_409()
    {
        var id = await QueuedImageAsync();
        using (var first = await _factory.BeginRawUploadAsync(id, "project-a", announced: 100))
        {
            await first.SendAsync(new byte[10]);
            await WaitForStatusAsync(id, "saving");

            await (await _owner.UploadAsync(id, [9, 9])).ShouldHaveStatusAsync(HttpStatusCode.Conflict);

            await first.SendAsync(new byte[90]);
            Assert.Equal(204, await first.ReadStatusAsync());
        }
        var image = await _owner.GetImageAsync(id);
        Assert.Equal("active", (string?)image["status"]);
        Assert.Equal(100, (long)image["size"]!);
    }

    [Fact]
    public async Task Deleting_the_image_during_its_upload_ends_the_upload_with_410_and_no_file()
    {
        var id = await QueuedImageAsync();
        using var upload = await _factory.BeginRawUploadAsync(id, "project-a", announced: 100);
        await upload.SendAsync(new byte[10]);
        await WaitForStatusAsync(id, "saving");

        await (await _owner.DeleteAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await upload.SendAsync(new byte[90]);

        Assert.Equal(410, await upload.ReadStatusAsync());
        await AssertNoDataStoredAsync();
    }

    [Fact]
    public async Task An_announced_size_over_the_cap_is_413_before_any_byte_is_stored()
    {
        var id = await QueuedImageAsync();

        var response = await _owner.UploadAsync(id, new byte[SizeCap + 1]);

        await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("queued", await StatusAsync(id));
        await AssertNoDataStoredAsync();
    }

    [Fact]
    public async Task A_chunked_upload_that_grows_over_the_cap_is_413_and_leaves_nothing()
    {
        var id = await QueuedImageAsync();
        var content = new StreamContent(new MemoryStream(new byte[SizeCap * 5]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/image/v2/images/{id}/file") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        HttpResponseMessage? response = null;
        try
        {
            response = await _owner.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // The server may answer and close before the client has sent everything.
        }

        if (response is not null)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        }
        await WaitForStatusAsync(id, "queued");
        await AssertNoDataStoredAsync();
    }

    [Fact]
    public async Task Interrupted_uploads_are_returned_to_queued_at_the_next_start()
    {
        var id = await QueuedImageAsync();
        await _factory.WithDatabaseAsync(async db =>
        {
            var image = await db.Images.FindAsync(id);
            image!.BeginUpload();
            await db.SaveChangesAsync();
        });
        if (TestStore.IsFileSystem)
        {
            // What a killed filesystem write leaves (an S3 store's leftovers are old multipart uploads: S3StoreTests).
            await File.WriteAllBytesAsync(Path.Combine(_factory.ImagesDirectory, ".incoming", $"{id}.leftover.part"), [1, 2]);
        }

        await using (var restarted = PortalApiFactory.Restart(_factory))
        {
            var image = await restarted.ClientFor("project-a").GetImageAsync(id);
            Assert.Equal("queued", (string?)image["status"]);
        }
        await AssertNoDataStoredAsync();
    }
}
