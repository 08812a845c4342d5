using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

public sealed class ImageDataEndpointsTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private static readonly byte[] s_data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

    private readonly HttpClient _owner = factory.ClientFor("project-a");
    private readonly HttpClient _other = factory.ClientFor("project-b");

    private async Task<string> UploadedImageAsync(byte[]? data = null, string visibility = "shared")
    {
        var image = await _owner.CreateImageAsync(new { disk_format = "raw", container_format = "bare", visibility });
        await (await _owner.UploadAsync(image.Id(), data ?? s_data)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        return image.Id();
    }

    [Fact]
    public async Task Upload_makes_the_image_active_with_size_md5_and_sha512()
    {
        var id = await UploadedImageAsync();

        var image = await _owner.GetImageAsync(id);
        Assert.Equal("active", (string?)image["status"]);
        Assert.Equal(s_data.Length, (long)image["size"]!);
        Assert.Equal(s_data.Length, (long)image["virtual_size"]!);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(s_data)), (string?)image["checksum"]);
        Assert.Equal("sha512", (string?)image["os_hash_algo"]);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(s_data)), (string?)image["os_hash_value"]);
        Assert.Equal(s_data, await factory.Store.ReadAsync(id));
        Assert.Contains(id, await factory.Store.ObjectsAsync());
        Assert.DoesNotContain(await factory.Store.ObjectsAsync(), o => o.Contains(".incoming") || o.Contains("unfinished"));
    }

    [Fact]
    public async Task An_empty_upload_makes_an_active_image_of_size_zero()
    {
        var id = await UploadedImageAsync([]);

        var image = await _owner.GetImageAsync(id);
        Assert.Equal("active", (string?)image["status"]);
        Assert.Equal(0, (long)image["size"]!);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", (string?)image["checksum"]);
    }

    [Fact]
    public async Task Download_returns_the_bytes_with_content_md5()
    {
        var id = await UploadedImageAsync(visibility: "community");

        var response = await _other.GetAsync($"/image/v2/images/{id}/file");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(s_data.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(s_data)), response.Content.Headers.GetValues("Content-MD5").Single());
        Assert.Equal(s_data, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=2-5", 2, 4)]
    [InlineData("bytes=3145700-", 3145700, 3 * 1024 * 1024 + 17 - 3145700)]
    [InlineData("bytes=-10", 3 * 1024 * 1024 + 7, 10)]
    [InlineData("bytes=0-99999999", 0, 3 * 1024 * 1024 + 17)]
    public async Task Download_serves_one_byte_range(string range, int offset, int length)
    {
        var id = await UploadedImageAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        request.Headers.TryAddWithoutValidation("Range", range);

        var response = await _owner.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.PartialContent);
        Assert.Equal(s_data.AsSpan(offset, length).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes {offset}-{offset + length - 1}/{s_data.Length}", response.Content.Headers.ContentRange?.ToString());
        // Glance's Content-MD5 is the whole image's, even for a part.
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(s_data)), response.Content.Headers.GetValues("Content-MD5").Single());
    }

    [Fact]
    public async Task Download_honours_the_legacy_content_range_request_header()
    {
        var id = await UploadedImageAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        // Content-Range is a content header to HttpClient, so it rides on an empty body.
        request.Content = new ByteArrayContent([]);
        Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Range", "bytes 10-19/*"));

        var response = await _owner.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.PartialContent);
        Assert.Equal(s_data.AsSpan(10, 10).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-1,4-5", HttpStatusCode.BadRequest)]
    [InlineData("bytes=99999999-", HttpStatusCode.RequestedRangeNotSatisfiable)]
    [InlineData("bytes=5-2", HttpStatusCode.RequestedRangeNotSatisfiable)]
    [InlineData("lines=1-2", HttpStatusCode.RequestedRangeNotSatisfiable)]
    [InlineData("bytes=abc", HttpStatusCode.RequestedRangeNotSatisfiable)]
    public async Task Download_refuses_bad_ranges(string range, HttpStatusCode expected)
    {
        var id = await UploadedImageAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        request.Headers.TryAddWithoutValidation("Range", range);

        var response = await _owner.SendAsync(request);

        await response.ShouldHaveStatusAsync(expected);
    }

    [Fact]
    public async Task Download_of_an_image_without_data_is_204()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.GetAsync($"/image/v2/images/{image.Id()}/file");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_of_an_invisible_image_is_404()
    {
        var id = await UploadedImageAsync(visibility: "private");

        await (await _other.GetAsync($"/image/v2/images/{id}/file")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Upload_refuses_other_content_types(string contentType)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.UploadAsync(image.Id(), [1], contentType)).ShouldHaveStatusAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_without_a_content_type_is_415()
    {
        var image = await _owner.CreateImageAsync();
        var content = new ByteArrayContent([1]);
        content.Headers.ContentType = null;

        var response = await _owner.PutAsync($"/image/v2/images/{image.Id()}/file", content);

        await response.ShouldHaveStatusAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("{}", "Properties disk_format, container_format must be set prior to saving data.")]
    [InlineData("{\"disk_format\": \"raw\"}", "Property container_format must be set prior to saving data.")]
    [InlineData("{\"container_format\": \"bare\"}", "Property disk_format must be set prior to saving data.")]
    public async Task Upload_before_the_formats_are_set_is_400_and_keeps_the_image_queued(string body, string message)
    {
        var created = await _owner.PostJsonTextAsync("/image/v2/images", body);
        var image = await created.ReadJsonAsync();

        var response = await _owner.UploadAsync(image.Id(), [1, 2, 3]);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, (string?)(await response.ReadJsonAsync())["message"]);
        Assert.Equal("queued", (string?)(await _owner.GetImageAsync(image.Id()))["status"]);
    }

    [Fact]
    public async Task Upload_to_an_active_image_is_409()
    {
        var id = await UploadedImageAsync();

        await (await _owner.UploadAsync(id, [1])).ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal(s_data.Length, (long)(await _owner.GetImageAsync(id))["size"]!);
    }

    [Fact]
    public async Task Upload_by_another_project_is_403_when_visible_and_404_when_not()
    {
        var community = await _owner.CreateImageAsync(new { disk_format = "raw", container_format = "bare", visibility = "community" });
        var priv = await _owner.CreateImageAsync(new { disk_format = "raw", container_format = "bare", visibility = "private" });

        await (await _other.UploadAsync(community.Id(), [1])).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _other.UploadAsync(priv.Id(), [1])).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_chunked_upload_of_unknown_length_works()
    {
        var image = await _owner.CreateImageAsync(new { disk_format = "raw", container_format = "bare" });
        var content = new StreamContent(new MemoryStream(s_data));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/image/v2/images/{image.Id()}/file") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await (await _owner.SendAsync(request)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(s_data.Length, (long)(await _owner.GetImageAsync(image.Id()))["size"]!);
    }
}
