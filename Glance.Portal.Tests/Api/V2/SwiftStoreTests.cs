using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>
/// The Swift store on a real Swift: one object for a small image of known size, segments under a static
/// large object manifest for large or unsized data, and a failed upload leaving nothing in the container.
/// </summary>
public sealed class SwiftStoreTests : IAsyncLifetime
{
    private const int MiB = 1 << 20;
    private const int SizeCap = 3 * MiB;
    private readonly TestSwift _swift = new();
    private readonly KestrelPortalFactory _factory;

    public SwiftStoreTests()
    {
        TestSwift.Require();
        _factory = (KestrelPortalFactory)new KestrelPortalFactory().With(_swift.StoreSettings("swift"))
            .With("Glance:Stores:Backends:local:Type", "filesystem")
            .With("Glance:Stores:Backends:local:Path", "local-store")
            .With("Glance:Stores:Default", "swift")
            .With("Glance:Limits:ImageSizeCap", SizeCap.ToString());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_small_image_of_known_size_is_one_object_read_whole_or_by_range_and_removed_with_the_image()
    {
        var owner = _factory.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "small", disk_format = "raw", container_format = "bare" })).Id();

        await (await owner.UploadAsync(id, [10, 20, 30, 40])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var image = await owner.GetImageAsync(id);
        Assert.Equal(("active", "swift", Convert.ToHexStringLower(MD5.HashData(new byte[] { 10, 20, 30, 40 }))),
            ((string?)image["status"], (string?)image["stores"], (string?)image["checksum"]));
        Assert.Equal([id], await _swift.ObjectsAsync());
        Assert.Equal([10, 20, 30, 40], await (await owner.GetAsync($"/image/v2/images/{id}/file")).Content.ReadAsByteArrayAsync());
        Assert.Equal([20, 30], await owner.DownloadRangeAsync(id, 1, 2));

        await (await owner.DeleteAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Empty(await _swift.ObjectsAsync());
    }

    [Fact]
    public async Task Unsized_data_goes_in_segments_under_a_manifest_reads_across_them_and_goes_with_the_image()
    {
        var owner = _factory.RealClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "segmented", disk_format = "raw", container_format = "bare" })).Id();
        var data = ApiClientExtensions.RandomBytes(2 * MiB + 4321);

        await (await owner.UploadChunkedAsync(id, data)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var image = await owner.GetImageAsync(id);
        Assert.Equal((data.Length, Convert.ToHexStringLower(SHA512.HashData(data))), ((long?)image["size"], (string?)image["os_hash_value"]));
        Assert.Equal([id, $"{id}-00001", $"{id}-00002", $"{id}-00003"], (await _swift.ObjectsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(data, await (await owner.GetAsync($"/image/v2/images/{id}/file")).Content.ReadAsByteArrayAsync());
        Assert.Equal(data[(MiB - 3)..(MiB + 3)], await owner.DownloadRangeAsync(id, MiB - 3, MiB + 2));

        await (await owner.DeleteAsync($"/image/v2/images/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Empty(await _swift.ObjectsAsync());
    }

    [Fact]
    public async Task Data_of_known_size_at_the_large_object_size_is_segmented_too()
    {
        var owner = _factory.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "large", disk_format = "raw", container_format = "bare" })).Id();
        var data = ApiClientExtensions.RandomBytes(2 * MiB);

        await (await owner.UploadAsync(id, data)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal([id, $"{id}-00001", $"{id}-00002"], (await _swift.ObjectsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(data, await (await owner.GetAsync($"/image/v2/images/{id}/file")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_upload_refused_after_segments_were_sent_leaves_nothing_in_the_container()
    {
        var owner = _factory.RealClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "too big", disk_format = "raw", container_format = "bare" })).Id();

        var refused = await owner.UploadChunkedAsync(id, ApiClientExtensions.RandomBytes(SizeCap + 1));

        await refused.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(refused.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        Assert.Empty(await _swift.ObjectsAsync());
    }

    [Fact]
    public async Task A_client_that_hangs_up_midway_leaves_the_image_queued_and_nothing_in_the_container()
    {
        var owner = _factory.RealClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "cut", disk_format = "raw", container_format = "bare" })).Id();

        using (var upload = await _factory.BeginRawUploadAsync(id, "project-a", announced: 3 * MiB))
        {
            await upload.SendAsync(ApiClientExtensions.RandomBytes(MiB + MiB / 2));
            // Hang up only once a whole segment is in Swift, so that there is something to remove.
            for (var i = 0; i < 200 && !(await _swift.ObjectsAsync()).Contains($"{id}-00001"); i++)
            {
                await Task.Delay(25);
            }
            Assert.Contains($"{id}-00001", await _swift.ObjectsAsync());
        }

        for (var i = 0; i < 200 && (string?)(await owner.GetImageAsync(id))["status"] != "queued"; i++)
        {
            await Task.Delay(25);
        }
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        Assert.Empty(await _swift.ObjectsAsync());
    }

    [Fact]
    public async Task Admins_see_the_stores_settings_but_never_its_key()
    {
        var detail = await (await _factory.AdminClient().GetAsync("/image/v2/info/stores/detail")).Content.ReadAsStringAsync();

        Assert.Contains("\"type\":\"swift\"", detail);
        Assert.Contains($"\"container\":\"{_swift.Container}\"", detail);
        Assert.DoesNotContain(TestSwift.Key!, detail);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/auth/v1.0", null, "The Swift store 'swift' cannot be reached now")]
    [InlineData(null, "wrong-key", "The Swift store 'swift' refused to sign in (401)")]
    public async Task A_swift_that_cannot_be_reached_or_refuses_the_key_is_503_and_the_image_stays_queued(string? authUrl, string? key, string message)
    {
        await using var down = new PortalApiFactory().With(_swift.StoreSettings("swift", authUrl, key))
            .With("Glance:Stores:Backends:local:Type", "filesystem")
            .With("Glance:Stores:Backends:local:Path", "local-store")
            .With("Glance:Stores:Default", "swift");
        var owner = down.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "nowhere", disk_format = "raw", container_format = "bare" })).Id();

        var refused = await owner.UploadAsync(id, [1, 2, 3]);

        await refused.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains(message, (string?)(await refused.ReadJsonAsync())["message"]);
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
    }

    [Fact]
    public async Task A_missing_container_the_store_may_not_create_is_503_naming_it()
    {
        await using var factory = new PortalApiFactory().With(_swift.StoreSettings("swift"))
            .With("Glance:Stores:Backends:swift:CreateContainer", "false");
        var owner = factory.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "nowhere", disk_format = "raw", container_format = "bare" })).Id();

        var refused = await owner.UploadAsync(id, [1, 2, 3]);

        await refused.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains($"The Swift store 'swift' has no container '{_swift.Container}'", (string?)(await refused.ReadJsonAsync())["message"]);
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        await (await factory.CreateClient().GetAsync("/healthcheck")).ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task A_new_deployment_is_healthy_before_its_first_upload()
    {
        await (await _factory.CreateClient().GetAsync("/healthcheck")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Empty(await _swift.ObjectsAsync());
    }

    [Theory]
    [InlineData("AuthUrl", "swift.example", "Glance:Stores:Backends:swift:AuthUrl must be Swift's v1 authentication address")]
    [InlineData("Key", "", "Glance:Stores:Backends:swift:User and Glance:Stores:Backends:swift:Key must be set")]
    [InlineData("Container", "a/b", "Glance:Stores:Backends:swift:Container must name one container")]
    [InlineData("SegmentSizeMiB", "0", "Glance:Stores:Backends:swift:SegmentSizeMiB must be between 1 and 5120")]
    public async Task A_store_setting_that_cannot_work_stops_start_up_naming_the_key(string setting, string value, string message)
    {
        await using var factory = new PortalApiFactory().With(_swift.StoreSettings("swift")).With($"Glance:Stores:Backends:swift:{setting}", value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString());
    }
}
