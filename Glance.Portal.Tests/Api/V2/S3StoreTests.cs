using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Glance.Domain.ImageData;
using Glance.Portal.Tests.TestInfrastructure;
using Glance.Stores.S3;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>
/// The S3 store on a real S3 service (Ceph's gateway): the API's uploads and downloads through it,
/// multipart for data larger than a part, and a failed upload leaving nothing in the bucket.
/// </summary>
public sealed class S3StoreTests : IAsyncLifetime
{
    private const int SizeCap = 9 << 20;
    private readonly TestS3 _s3 = new();
    private readonly KestrelPortalFactory _factory;

    public S3StoreTests()
    {
        TestS3.Require();
        _factory = (KestrelPortalFactory)new KestrelPortalFactory().With(_s3.StoreSettings("objects"))
            .With("Glance:Stores:Backends:local:Type", "filesystem")
            .With("Glance:Stores:Backends:local:Path", "local-store")
            .With("Glance:Stores:Default", "objects")
            .With("Glance:Limits:ImageSizeCap", SizeCap.ToString());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_small_image_is_one_object_read_whole_or_by_range_and_removed_with_the_image()
    {
        var owner = _factory.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "small", disk_format = "raw", container_format = "bare" })).Id();

        await (await owner.UploadAsync(id, [10, 20, 30, 40])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var image = await owner.GetImageAsync(id);
        Assert.Equal(("active", "objects", Convert.ToHexStringLower(MD5.HashData(new byte[] { 10, 20, 30, 40 }))),
            ((string?)image["status"], (string?)image["stores"], (string?)image["checksum"]));
        Assert.Equal([id], await _s3.KeysAsync());
        Assert.Equal([10, 20, 30, 40], await (await owner.GetAsync($"/image/v2/images/{id}/file")).Content.ReadAsByteArrayAsync());
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        range.Headers.Range = new RangeHeaderValue(1, 2);
        var partial = await owner.SendAsync(range);
        await partial.ShouldHaveStatusAsync(HttpStatusCode.PartialContent);
        Assert.Equal([20, 30], await partial.Content.ReadAsByteArrayAsync());

        await (await owner.DeleteAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Empty(await _s3.KeysAsync());
    }

    [Fact]
    public async Task Data_larger_than_a_part_goes_up_in_parts_and_reads_back_across_their_edges()
    {
        var owner = _factory.RealClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "large", disk_format = "raw", container_format = "bare" })).Id();
        var data = ApiClientExtensions.RandomBytes((8 << 20) + 12345);

        await (await owner.UploadChunkedAsync(id, data)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var image = await owner.GetImageAsync(id);
        Assert.Equal((data.Length, Convert.ToHexStringLower(SHA512.HashData(data))), ((long?)image["size"], (string?)image["os_hash_value"]));
        Assert.Equal(data, await (await owner.GetAsync($"/image/v2/images/{id}/file")).Content.ReadAsByteArrayAsync());
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        range.Headers.Range = new RangeHeaderValue((5 << 20) - 3, (5 << 20) + 2);
        Assert.Equal(data[((5 << 20) - 3)..((5 << 20) + 3)], await (await owner.SendAsync(range)).Content.ReadAsByteArrayAsync());
        Assert.Equal(0, await _s3.UnfinishedUploadsAsync());
    }

    [Fact]
    public async Task An_upload_refused_after_parts_were_sent_leaves_nothing_in_the_bucket()
    {
        var owner = _factory.RealClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "too big", disk_format = "raw", container_format = "bare" })).Id();

        // Over the size cap only after the first 5 MiB part is in S3.
        var refused = await owner.UploadChunkedAsync(id, ApiClientExtensions.RandomBytes(SizeCap + 1));

        await refused.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(refused.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        Assert.Empty(await _s3.KeysAsync());
        Assert.Equal(0, await _s3.UnfinishedUploadsAsync());
    }

    [Fact]
    public async Task A_client_that_hangs_up_midway_leaves_the_image_queued_and_nothing_in_the_bucket()
    {
        var owner = _factory.RealClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "cut", disk_format = "raw", container_format = "bare" })).Id();

        using (var upload = await _factory.BeginRawUploadAsync(id, "project-a", announced: 8 << 20))
        {
            await upload.SendAsync(ApiClientExtensions.RandomBytes(6 << 20));
        }

        for (var i = 0; i < 200 && (string?)(await owner.GetImageAsync(id))["status"] != "queued"; i++)
        {
            await Task.Delay(25);
        }
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        Assert.Empty(await _s3.KeysAsync());
        Assert.Equal(0, await _s3.UnfinishedUploadsAsync());
    }

    [Fact]
    public async Task Admins_see_the_stores_settings_but_never_its_keys()
    {
        var detail = await (await _factory.AdminClient().GetAsync("/image/v2/info/stores/detail")).Content.ReadAsStringAsync();

        Assert.Contains("\"type\":\"s3\"", detail);
        Assert.Contains($"\"s3_store_bucket\":\"{_s3.Bucket}\"", detail);
        Assert.DoesNotContain(Environment.GetEnvironmentVariable("GLANCE_TEST_S3_SECRET_KEY")!, detail);
        Assert.DoesNotContain(Environment.GetEnvironmentVariable("GLANCE_TEST_S3_ACCESS_KEY")!, detail);
    }

    [Fact]
    public async Task An_s3_service_that_cannot_be_reached_is_503_and_the_image_stays_queued()
    {
        await using var down = new PortalApiFactory().With(_s3.StoreSettings("objects", "http://127.0.0.1:9"))
            .With("Glance:Stores:Backends:local:Type", "filesystem")
            .With("Glance:Stores:Backends:local:Path", "local-store")
            .With("Glance:Stores:Default", "objects");
        var owner = down.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "nowhere", disk_format = "raw", container_format = "bare" })).Id();

        var refused = await owner.UploadAsync(id, [1, 2, 3]);

        await refused.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("The S3 store 'objects' cannot be reached now", (string?)(await refused.ReadJsonAsync())["message"]);
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        // The other store still takes the data.
        await (await owner.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/image/v2/images/{id}/file")
        {
            Content = new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
            Headers = { { "X-Image-Meta-Store", "local" } },
        })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Unfinished_multipart_uploads_are_aborted_at_start_only_when_a_day_old()
    {
        var store = (S3ImageStore)_factory.Services.GetRequiredService<IImageStores>().Find("objects")!;
        await using (var writer = await store.BeginWriteAsync("warm-up", 1, CancellationToken.None))
        {
            await writer.WriteAsync(new byte[] { 1 }, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }
        using var client = _s3.Client();
        await client.InitiateMultipartUploadAsync(_s3.Bucket, "left-behind");

        await store.RemoveLeftoversAsync(CancellationToken.None);
        Assert.Equal(1, await _s3.UnfinishedUploadsAsync());

        var later = new S3ImageStore("objects", new S3StoreOptions { Endpoint = TestS3.Endpoint, Bucket = _s3.Bucket }, client,
            new ShiftedClock(TimeSpan.FromDays(2)), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await later.RemoveLeftoversAsync(CancellationToken.None);
        Assert.Equal(0, await _s3.UnfinishedUploadsAsync());
    }

    [Theory]
    [InlineData("Bucket", "", "Glance:Stores:Backends:objects:Bucket must name the bucket")]
    [InlineData("Endpoint", "rgw.example", "Glance:Stores:Backends:objects:Endpoint must be the S3 service's http(s) address")]
    [InlineData("SecretKey", "", "Glance:Stores:Backends:objects:AccessKey and Glance:Stores:Backends:objects:SecretKey must be set")]
    [InlineData("ChunkSizeMiB", "1", "Glance:Stores:Backends:objects:ChunkSizeMiB must be between 5 and 1024")]
    [InlineData("Endpoint", "http://key:secret@127.0.0.1:9", "Glance:Stores:Backends:objects:Endpoint must not hold a user or key")]
    public async Task A_store_setting_that_cannot_work_stops_start_up_naming_the_key(string setting, string value, string message)
    {
        await using var factory = new PortalApiFactory().With(_s3.StoreSettings("objects")).With($"Glance:Stores:Backends:objects:{setting}", value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task Two_stores_on_one_bucket_stop_start_up()
    {
        await using var factory = new PortalApiFactory().With(_s3.StoreSettings("objects")).With(_s3.StoreSettings("more"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"bucket '{_s3.Bucket}' at {TestS3.Endpoint} is also the bucket of store 'more'", error.ToString());
    }

    [Fact]
    public async Task A_new_deployment_is_healthy_before_its_first_upload()
    {
        var health = await _factory.CreateClient().GetAsync("/healthcheck");

        await health.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Empty(await _s3.KeysAsync());
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
